// The live view of softmax_ui/live.py: bars and a step table that follow a
// slider while it moves. Streamlit reruns the page only when a slider is
// released; this module redraws in the browser, once per animation frame, and
// hands released values back to Python, which stays the source of truth.
//
// What it shows, per entry key, in this order of precedence:
//   1. its own range input, while dragged or until Python acknowledges the
//      values it sent (the trigger "commit" carries a nonce; Python echoes it
//      back in data.ack);
//   2. the page's Streamlit slider with that key, while its thumb is away from
//      the value Python last rendered (Streamlit updates the slider's
//      aria-valuetext as the thumb moves, before it reruns the page);
//   3. the value Python rendered, with the numbers softmax_core computed.

const SVG = 'http://www.w3.org/2000/svg';
const Y_MAX = 1.18; // the plotly bars' range: room above 1 for the printed value
const SLANT = (35 * Math.PI) / 180; // class names too long to stand level
const EXP_SAFE_MAX = 709; // as softmax_core: e^x overflows float64 just above
const views = new WeakMap();

// -- the math: softmax in the browser, the one copy outside softmax_core ------

export function softmax(z, T = 1) {
  // Subtract the largest z first, then divide by T: every exponent is ≤ 0, so
  // nothing overflows, whatever z and T.
  const top = Math.max(...z);
  const t = z.map((v) => Math.exp((v - top) / T));
  const total = t.reduce((s, v) => s + v, 0);
  return t.map((v) => v / total);
}

export function softmaxSteps(z, T = 1) {
  // The step table's t = e^(z/T), shifted by s = max z/T only where e^(z/T)
  // or Σt would overflow (the rule of softmax_core.softmax_steps).
  const scaled = z.map((v) => v / T);
  const top = Math.max(...scaled);
  const shifted = top > EXP_SAFE_MAX - Math.log(z.length) || top < -EXP_SAFE_MAX;
  const shift = shifted ? top : 0;
  const t = scaled.map((v) => Math.exp(v - shift));
  return { t, total: t.reduce((s, v) => s + v, 0), shift };
}

export function hardmax(z) {
  const winner = z.indexOf(Math.max(...z)); // a tie goes to the first index
  return z.map((_, j) => (j === winner ? 1 : 0));
}

export function sigmoid(x) {
  const e = Math.exp(-Math.abs(x));
  return x >= 0 ? 1 / (1 + e) : e / (1 + e);
}

// -- numbers printed as Python prints them ------------------------------------

function stripZeros(text) {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

function exponent(mantissa, e, strip) {
  const m = strip ? stripZeros(mantissa) : mantissa;
  return `${m}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

export function formatG4(v) {
  // Python's f"{v:.4g}"
  if (v === 0) return '0';
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf';
  const [mantissa, e] = v.toExponential(3).split('e');
  const power = Number(e);
  if (power < -4 || power >= 4) return exponent(mantissa, power, true);
  return stripZeros(v.toFixed(3 - power));
}

export function formatNumber(v) {
  // softmax_ui.tables._number: 4 significant digits, scientific outside.
  const a = Math.abs(v);
  if (v === 0 || (a >= 1e-4 && a < 1e6)) return formatG4(v);
  if (!Number.isFinite(v)) return formatG4(v);
  const [mantissa, e] = v.toExponential(3).split('e');
  return exponent(mantissa, Number(e), false);
}

export function formatFloat(v) {
  // Python's str(float): 1 prints as "1.0", 0.05 as "0.05".
  return Number.isInteger(v) ? v.toFixed(1) : String(v);
}

// -- small DOM helpers --------------------------------------------------------

function el(tag, attrs = {}, parent = null) {
  const node = tag.startsWith('svg:')
    ? document.createElementNS(SVG, tag.slice(4))
    : document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value);
  }
  if (parent) parent.appendChild(node);
  return node;
}

function close(a, b) {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function nearestIndex(options, value) {
  let best = 0;
  options.forEach((o, i) => {
    if (Math.abs(o - value) < Math.abs(options[best] - value)) best = i;
  });
  return best;
}

// -- the view -----------------------------------------------------------------

class LiveView {
  constructor(host, send) {
    this.host = host;
    this.send = send;
    this.own = new Map(); // key -> value from this view's own inputs
    this.mirror = new Map(); // key -> value of a page slider being moved
    this.dragging = null;
    this.pending = null; // { nonce, since }
    this.frames = 0;
    this.commits = 0;
    this.raf = 0;
    this.signature = '';
    this.width = 0; // the width the bars were laid out for
    this.seenWidth = 0; // the view's width when the browser last laid it out
    this.root = el('div', { class: 'live', 'data-testid': 'softmaxLive' }, host);
    // The width is read here, where the browser has just laid the page out,
    // and not in draw(): there, reading it would make the browser lay out the
    // whole page at once, right after Streamlit changed it (several ms a run).
    this.resize = new ResizeObserver(() => {
      const width = this.root.clientWidth;
      if (width !== this.seenWidth) {
        this.seenWidth = width;
        this.schedule();
      }
    });
    this.resize.observe(this.root);
    this.observer = new MutationObserver((records) => this.onSliderMoved(records));
    this.observer.observe(document.body, {
      subtree: true,
      attributes: true,
      attributeFilter: ['aria-valuetext'],
    });
    this.release = () => {
      this.dragging = null;
    };
    window.addEventListener('pointerup', this.release);
    window.addEventListener('pointercancel', this.release);
  }

  destroy() {
    cancelAnimationFrame(this.raf);
    this.resize.disconnect();
    this.observer.disconnect();
    window.removeEventListener('pointerup', this.release);
    window.removeEventListener('pointercancel', this.release);
    this.root.remove();
  }

  // Every entry key of the data: the z entries, then T if the page has one.
  specs() {
    const specs = this.data.entries.map((e) => ({ ...e, kind: 'z' }));
    if (this.data.temperature) specs.push({ ...this.data.temperature, kind: 'T' });
    return specs;
  }

  update(data) {
    this.data = data;
    this.python = new Map(this.specs().map((s) => [s.key, s.value]));
    const now = performance.now();
    if (
      this.pending === null ||
      data.ack === this.pending.nonce ||
      now - this.pending.since > 5000
    ) {
      // Python has the values this view sent (or never will): show Python's.
      this.pending = null;
      for (const key of [...this.own.keys()]) {
        if (key !== this.dragging) this.own.delete(key);
      }
    }
    for (const key of [...this.mirror.keys()]) {
      const shown = this.pageSliderValue(key);
      if (shown === undefined || close(shown, this.python.get(key))) {
        this.mirror.delete(key);
      }
    }
    const signature = JSON.stringify([
      data.mode,
      data.inputs,
      data.hidden,
      data.presenter,
      data.labels,
      data.colours,
      data.sizes,
      this.specs().map((s) => [s.key, s.label, s.aria, s.min, s.max, s.step, s.options]),
    ]);
    if (signature !== this.signature) {
      this.signature = signature;
      this.build();
    }
    this.draw();
  }

  // -- values -----------------------------------------------------------------

  spec(key) {
    return this.specs().find((s) => s.key === key);
  }

  pageSliderValue(key) {
    const input = document.querySelector(`.st-key-${CSS.escape(key)} input[type="range"]`);
    if (!input) return undefined;
    const spec = this.spec(key);
    const value = Number(input.value);
    // A select_slider's input holds the index of the option.
    return spec && spec.options ? spec.options[Math.round(value)] : value;
  }

  onSliderMoved(records) {
    if (!this.data) return;
    const keys = this.specs().map((s) => s.key);
    let moved = false;
    for (const record of records) {
      const holder = record.target.closest && record.target.closest('[class*="st-key-"]');
      if (!holder || record.target.type !== 'range') continue;
      const key = keys.find((k) => holder.classList.contains(`st-key-${k}`));
      if (key === undefined) continue;
      const value = this.pageSliderValue(key);
      if (value === undefined || Number.isNaN(value)) continue;
      if (close(value, this.python.get(key))) this.mirror.delete(key);
      else this.mirror.set(key, value);
      moved = true;
    }
    if (moved) this.schedule();
  }

  current(key) {
    if (this.own.has(key)) return this.own.get(key);
    if (this.mirror.has(key)) return this.mirror.get(key);
    return this.python.get(key);
  }

  // -- events of the view's own inputs ----------------------------------------

  valueOf(spec, input) {
    const v = Number(input.value);
    return spec.options ? spec.options[Math.round(v)] : v;
  }

  listen(spec, input) {
    input.addEventListener('pointerdown', () => {
      this.dragging = spec.key;
    });
    input.addEventListener('input', () => {
      this.own.set(spec.key, this.valueOf(spec, input));
      this.schedule();
    });
    // 'change' comes on release and on each key press: hand the values over.
    input.addEventListener('change', () => {
      this.own.set(spec.key, this.valueOf(spec, input));
      this.commit();
      this.schedule();
    });
  }

  commit() {
    const nonce = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
    this.pending = { nonce, since: performance.now() };
    this.commits += 1;
    this.send('commit', { nonce, values: Object.fromEntries(this.own) });
  }

  schedule() {
    if (!this.raf) {
      this.raf = requestAnimationFrame(() => {
        this.raf = 0;
        this.draw();
      });
    }
  }

  // -- building the DOM (when the structure changes) ---------------------------

  build() {
    const { data } = this;
    const { labels, sizes } = data;
    this.root.replaceChildren();
    this.root.className = `live ${data.mode}${data.presenter ? ' present' : ''}`;
    this.root.style.setProperty('--font', `${sizes.font}px`);
    this.root.style.setProperty('--title', `${sizes.title}px`);
    this.root.style.setProperty('--value', `${sizes.bar_text}px`);
    this.root.style.setProperty('--highlight', data.colours.highlight);
    this.root.style.setProperty('--accent', data.colours.softmax);
    this.root.style.fontFamily = data.font_family;

    const head = el('div', { class: 'head' }, this.root);
    el('div', { class: 'title', text: labels.title }, head);
    const legend = el('div', { class: 'legend' }, head);
    if (data.mode === 'softmax') {
      for (const [name, colour] of [
        [labels.softmax, data.colours.softmax],
        [labels.hardmax, data.colours.hardmax],
      ]) {
        const item = el('span', { class: 'key' }, legend);
        el('span', { class: 'swatch', style: `background:${colour}` }, item);
        el('span', { text: name }, item);
      }
    }
    el('span', { class: 'hint', text: labels.hint }, legend);

    this.bars = el('div', { class: 'bars', 'data-testid': 'liveBars' }, this.root);
    this.svg = el('svg:svg', { role: 'img', 'aria-label': labels.title }, this.bars);
    this.width = 0; // lay the bars out on the next draw

    if (data.mode === 'two_class') {
      this.sigma = el('div', { class: 'sigma', 'data-testid': 'liveSigma' }, this.root);
    }
    this.buildTable();
  }

  buildTable() {
    const { data } = this;
    const { labels } = data;
    if (labels.steps) el('div', { class: 'steps-title', text: labels.steps }, this.root);
    const table = el('table', { class: 'steps', 'data-testid': 'liveSteps' }, this.root);
    const head = el('tr', {}, el('thead', {}, table));
    const columns = [labels.class, 'z', labels.t, labels.a];
    if (data.mode === 'softmax') columns.push(labels.hardmax_column);
    this.cells = { header: [] };
    columns.forEach((name, i) => {
      this.cells.header.push(el('th', { text: name, class: i === 1 ? 'zcol' : '' }, head));
    });
    const body = el('tbody', {}, table);
    // Controls a classroom link hides get no input here either: only the value.
    const hidden = new Set(data.hidden || []);
    this.rows = data.entries.map((spec, k) => {
      const tr = el('tr', {}, body);
      const name = el('div', { class: 'namecell' }, el('td', { class: 'name' }, tr));
      el('span', { class: 'dot', style: `background:${data.colours.classes[k]}` }, name);
      el('span', { text: spec.label }, name);
      const zcell = el('td', { class: 'zcol' }, tr);
      const row = { tr, input: null };
      if (data.inputs && hidden.has(spec.key)) {
        const wrap = el('div', { class: 'zcell fixed', 'data-hidden-key': spec.key }, zcell);
        row.z = el('span', { class: 'zval' }, wrap);
      } else if (data.inputs) {
        const wrap = el('div', { class: 'zcell' }, zcell);
        row.input = el(
          'input',
          {
            type: 'range',
            min: spec.min,
            max: spec.max,
            step: spec.step,
            'aria-label': spec.aria,
            'data-key': spec.key,
          },
          wrap,
        );
        this.listen(spec, row.input);
        row.z = el('span', { class: 'zval' }, wrap);
      } else {
        row.z = zcell;
      }
      row.t = el('td', { class: 'num' }, tr);
      row.a = el('td', { class: 'num strong' }, tr);
      if (data.mode === 'softmax') row.hard = el('td', { class: 'num' }, tr);
      return row;
    });
    const foot = el('tr', {}, el('tfoot', {}, table));
    el('td', { text: labels.sum_t }, foot);
    el('td', {}, foot);
    this.cells.total = el('td', { class: 'num strong' }, foot);
    el('td', {}, foot);
    if (data.mode === 'softmax') el('td', {}, foot);

    this.shiftNote = el('div', { class: 'note', hidden: '' }, this.root);
    this.temperatureInput = null;
    if (data.temperature) {
      const spec = this.specs().at(-1);
      const row = el('div', { class: 'trow' }, this.root);
      el('span', { class: 'tlabel', text: labels.temperature }, row);
      if (data.inputs && !hidden.has(spec.key)) {
        this.temperatureInput = el(
          'input',
          {
            type: 'range',
            min: 0,
            max: spec.options.length - 1,
            step: 1,
            'aria-label': spec.aria,
            'data-key': spec.key,
          },
          row,
        );
        this.listen(spec, this.temperatureInput);
      }
      this.temperatureValue = el('span', { class: 'tval', 'data-testid': 'liveT' }, row);
    }
  }

  // How the class names stand under their bars: each on one line where all
  // fit their group's width, else on two lines split at a space, else (a word
  // too long, as with many classes) slanted, whole. A name is never cut short.
  nameLayout(labels, gw, fontPx) {
    const room = gw - fontPx * 0.3;
    const widths = this.textWidths(labels.map((label) => `● ${label}`), fontPx);
    const lines = labels.map((label, k) => {
      if (widths[k] <= room) return [label];
      const words = label.split(' ');
      let best = null;
      for (let i = 1; i < words.length; i += 1) {
        const pair = [words.slice(0, i).join(' '), words.slice(i).join(' ')];
        const wide = Math.max(...this.textWidths([`● ${pair[0]}`, pair[1]], fontPx));
        if (wide <= room && (!best || wide < best.wide)) best = { pair, wide };
      }
      return best && best.pair;
    });
    if (lines.every(Boolean)) return { lines, slanted: false, widths };
    return { lines: labels.map((label) => [label]), slanted: true, widths };
  }

  // Widths in px of texts set in the labels' font, as the browser lays them
  // out (an estimate where it cannot: a view not shown yet).
  textWidths(texts, fontPx) {
    const probe = el('svg:text', { class: 'label', 'font-size': fontPx }, this.svg);
    const widths = texts.map((text) => {
      probe.textContent = text;
      const estimate = [...text].reduce((w, ch) => w + (ch.codePointAt(0) >= 0x2e80 ? 1 : 0.56), 0);
      return probe.getComputedTextLength() || estimate * fontPx;
    });
    probe.remove();
    return widths;
  }

  layoutBars() {
    const { data } = this;
    const { sizes } = data;
    const C = data.entries.length;
    const W = Math.max(240, this.seenWidth || this.root.clientWidth || 600);
    const font = sizes.font;
    const m = { l: font * 2.4, r: 8, t: 6, b: font * 2.1 };
    let gw = (W - m.l - m.r) / C;
    const labelFont = Math.min(font, Math.max(11, gw * 0.3));
    this.svg.replaceChildren();
    const names = this.nameLayout(data.entries.map((s) => s.label), gw, labelFont);
    if (names.slanted) {
      // The chart grows downwards to make room for the longest name, and
      // leftwards where the first names would leave it.
      // Name k reaches w·cos + its height's share to the left of its group's
      // centre, m.l + (W − m.l − m.r)·(k + ½)/C: solved for m.l.
      const left = names.widths.map((w, k) => {
        const f = (k + 0.5) / C;
        const reach = w * Math.cos(SLANT) + labelFont * Math.sin(SLANT) + 2;
        return (reach - (W - m.r) * f) / (1 - f);
      });
      m.l = Math.max(m.l, ...left);
      gw = (W - m.l - m.r) / C;
      m.b = Math.max(m.b, Math.max(...names.widths) * Math.sin(SLANT) + labelFont * 1.2);
    } else if (names.lines.some((lines) => lines.length > 1)) {
      m.b += labelFont * 1.2;
    }
    const H = Math.round(sizes.height * 0.72) + (m.b - font * 2.1);
    const plotH = H - m.t - m.b;
    const y = (v) => m.t + plotH * (1 - Math.min(Math.max(v, 0), Y_MAX) / Y_MAX);
    this.width = this.seenWidth;
    this.y = y;
    this.base = y(0);
    this.svg.setAttribute('width', W);
    this.svg.setAttribute('height', H);
    this.svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
    const grid = el('svg:g', { class: 'grid' }, this.svg);
    for (let i = 0; i <= 5; i += 1) {
      const v = i / 5;
      el('svg:line', { x1: m.l, x2: W - m.r, y1: y(v), y2: y(v) }, grid);
      el('svg:text', { x: m.l - 8, y: y(v), class: 'tick', text: v.toFixed(1) }, grid);
    }
    const two = data.mode === 'softmax';
    const barW = two ? (gw * 0.75) / 2 : gw * 0.5;
    // "0.842" over one bar and "0" over its neighbour must not touch: half of
    // one, half of the other and a gap, 3.6 characters, between the two bars'
    // centres. With many classes in a narrow column that would make the type
    // too small to read: the hardmax bars then print only their 1 (a 0 is the
    // missing bar), and a softmax value may take its whole group's width.
    const chars = 0.56; // a digit's width in ems
    this.crowded = two && barW / (3.6 * chars) < 11;
    const room = two && !this.crowded ? barW / (3.6 * chars) : (gw * 0.9) / (5 * chars);
    const valueFont = Math.max(10, Math.min(sizes.bar_text, room));
    const outline = data.presenter ? 6 : 4;
    const texts = el('svg:g', { class: 'values' });
    this.marks = data.entries.map((spec, k) => {
      const left = m.l + gw * k + (two ? gw * 0.125 : gw * 0.25);
      const g = el('svg:g', { class: 'class' }, this.svg);
      const fill = two ? data.colours.softmax : data.colours.classes[k];
      const mark = {
        soft: el('svg:rect', { x: left, width: barW, fill }, g),
        softText: el(
          'svg:text',
          { x: left + barW / 2, class: 'value', 'font-size': valueFont },
          texts,
        ),
        outline,
      };
      if (two) {
        mark.hard = el(
          'svg:rect',
          { x: left + barW, width: barW, fill: data.colours.hardmax },
          g,
        );
        mark.hardText = el(
          'svg:text',
          { x: left + 1.5 * barW, class: 'value', 'font-size': valueFont },
          texts,
        );
      }
      const cx = m.l + gw * (k + 0.5);
      const ly = H - m.b + labelFont * (names.slanted ? 1.0 : 1.35);
      const label = el(
        'svg:text',
        { x: cx, y: ly, class: 'label', 'font-size': labelFont },
        g,
      );
      if (names.slanted) {
        label.style.textAnchor = 'end'; // over the stylesheet's "middle"
        label.setAttribute('transform', `rotate(${(-SLANT * 180) / Math.PI} ${cx} ${ly})`);
      }
      const dot = el('svg:tspan', { fill: data.colours.classes[k], text: '● ' }, label);
      dot.setAttribute('font-size', labelFont * 0.8);
      const [first, ...rest] = names.lines[k];
      el('svg:tspan', { text: first }, label);
      for (const line of rest) el('svg:tspan', { x: cx, dy: '1.2em', text: line }, label);
      el('svg:title', { text: spec.label }, g);
      return mark;
    });
    el('svg:line', { x1: m.l, x2: W - m.r, y1: y(0), y2: y(0), class: 'axis' }, this.svg);
    this.svg.appendChild(texts); // printed values above every bar, never under one
  }

  // -- drawing (every frame something moved) ----------------------------------

  compute() {
    const z = this.data.entries.map((s) => this.current(s.key));
    const T = this.data.temperature ? this.current(this.data.temperature.key) : 1;
    const fromPython = z.every((v, k) => v === this.data.entries[k].value) &&
      (!this.data.temperature || T === this.data.temperature.value);
    if (fromPython) {
      // At rest: exactly the numbers softmax_core computed.
      const p = this.data.python;
      return { z, T, source: 'python', a: p.a, t: p.t, total: p.total, shift: p.shift, hard: p.hard };
    }
    const steps = softmaxSteps(z, T);
    return { z, T, source: 'browser', a: softmax(z, T), hard: hardmax(z), ...steps };
  }

  draw() {
    if (!this.data) return;
    if (!this.marks || this.seenWidth !== this.width) this.layoutBars();
    const { data } = this;
    const { labels } = data;
    const v = this.compute();
    const winner = v.a.indexOf(Math.max(...v.a));
    this.frames += 1;

    this.marks.forEach((mark, k) => {
      const top = this.y(v.a[k]);
      mark.soft.setAttribute('y', top);
      mark.soft.setAttribute('height', Math.max(0, this.base - top));
      const best = k === winner;
      mark.soft.setAttribute('stroke', best ? data.colours.highlight : 'none');
      mark.soft.setAttribute('stroke-width', best ? mark.outline : 0);
      mark.softText.setAttribute('y', top - 6);
      mark.softText.textContent = v.a[k].toFixed(3);
      if (mark.hard) {
        const hTop = this.y(v.hard[k]);
        mark.hard.setAttribute('y', hTop);
        mark.hard.setAttribute('height', Math.max(0, this.base - hTop));
        mark.hardText.setAttribute('y', hTop - 6);
        mark.hardText.textContent = this.crowded && !v.hard[k] ? '' : v.hard[k].toFixed(0);
      }
    });

    this.rows.forEach((row, k) => {
      const spec = data.entries[k];
      row.tr.classList.toggle('winner', k === winner);
      row.z.textContent = v.z[k].toFixed(spec.decimals);
      // An entry whose e^(z/T) overflows float64 is marked: its t is shown
      // only because the table shifted it (the note below says by how much).
      const overflows = v.z[k] / v.T > data.overflow_limit;
      row.t.textContent = `${overflows ? '⚠ ' : ''}${formatNumber(v.t[k])}`;
      row.t.classList.toggle('overflow', overflows);
      if (overflows) row.t.title = labels.overflows || '';
      else row.t.removeAttribute('title');
      row.a.textContent = v.a[k].toFixed(3);
      if (row.hard) row.hard.textContent = v.hard[k].toFixed(0);
      if (row.input && spec.key !== this.dragging) row.input.value = v.z[k];
    });
    this.cells.header[2].textContent = v.shift !== 0 ? labels.t_shifted : labels.t;
    this.cells.total.textContent = formatG4(v.total);
    this.shiftNote.hidden = v.shift === 0;
    if (v.shift !== 0) this.shiftNote.textContent = labels.shift_note.replace('{shift}', formatG4(v.shift));

    if (data.temperature) {
      this.temperatureValue.textContent = `T = ${formatFloat(v.T)}`;
      const input = this.temperatureInput;
      if (input && data.temperature.key !== this.dragging) {
        input.value = nearestIndex(data.temperature.options, v.T);
      }
    }
    if (this.sigma) {
      const d = v.z[0] - v.z[1];
      const s = v.source === 'python' ? data.python.sigma : sigmoid(d);
      this.sigma.textContent = `${labels.sigma} = σ(${d.toFixed(2)}) = ${s.toFixed(3)}`;
      this.sigma.dataset.value = JSON.stringify(s);
    }

    const b = this.bars.dataset;
    b.values = JSON.stringify(v.a);
    b.z = JSON.stringify(v.z);
    b.temperature = JSON.stringify(v.T);
    b.source = v.source;
    b.pythonValues = JSON.stringify(data.python.a);
    b.pythonZ = JSON.stringify(data.entries.map((s) => s.value));
    b.frames = String(this.frames);
    b.commits = String(this.commits);
  }
}

export default function mount(component) {
  // Python sends its data as the one item of a list (see components.py).
  const [data] = component.data;
  const { parentElement, setTriggerValue } = component;
  let view = views.get(parentElement);
  if (!view) {
    view = new LiveView(parentElement, setTriggerValue);
    views.set(parentElement, view);
  }
  view.update(data);
  // Streamlit calls this function again with each new data and keeps only the
  // last cleanup, which it runs when the element goes away.
  return () => {
    views.get(parentElement)?.destroy();
    views.delete(parentElement);
  };
}
