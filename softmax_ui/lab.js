// The live lab of softmax_ui/lab.py: a training run played in the browser.
//
// Python trained once and sent W and b at the recorded iterations (float32,
// base64), J and the accuracies at every iteration, and the examples. Here a
// player moves an iteration through the run; at each frame the regions (a
// forward pass over a grid, in a Web Worker), the J curve, the metrics and a
// small Ŷ are drawn at that iteration. On the training page the plane also
// takes points by hand and sends them back to Python, which trains on them.

const views = new WeakMap();

// -- the math: the forward pass of softmax_core.network, over a grid ----------

// Shared with the workers by its source text: it must use nothing outside it.
// Rows i0 … i1 − 1 of the G×G grid (row i at y = y0 + (y1 − y0) i / (G − 1)),
// into classes and conf from index 0. The grid's points are float32, as the
// core casts X to its float32 parameters; the arithmetic is float64.
function regionsOnGrid(p, off, n, h, C, relu, grid, i0, i1, classes, conf) {
  const [x0, x1, y0, y1, G] = grid;
  const f = Math.fround;
  const z = new Float64Array(C);
  const done = (cell) => {
    let best = 0;
    for (let c = 1; c < C; c += 1) if (z[c] > z[best]) best = c;
    let total = 0;
    for (let c = 0; c < C; c += 1) total += Math.exp(z[c] - z[best]);
    classes[cell] = best;
    conf[cell] = 1 / total;
  };
  if (h === 0) {
    const W = Float64Array.from(p.subarray(off, off + C * n + C));
    for (let i = i0; i < i1; i += 1) {
      const y = f(y0 + ((y1 - y0) * i) / (G - 1));
      for (let j = 0; j < G; j += 1) {
        const x = f(x0 + ((x1 - x0) * j) / (G - 1));
        for (let c = 0; c < C; c += 1) z[c] = W[c * n] * x + W[c * n + 1] * y + W[C * n + c];
        done((i - i0) * G + j);
      }
    }
    return;
  }
  const W1x = new Float64Array(h);
  const W1y = new Float64Array(h);
  const b1 = new Float64Array(h);
  for (let u = 0; u < h; u += 1) {
    W1x[u] = p[off + u * n];
    W1y[u] = p[off + u * n + 1];
    b1[u] = p[off + h * n + u];
  }
  const start2 = off + h * n + h;
  const W2 = Float64Array.from(p.subarray(start2, start2 + C * h));
  const b2 = Float64Array.from(p.subarray(start2 + C * h, start2 + C * h + C));
  const base = new Float64Array(h);
  const a = new Float64Array(h);
  for (let i = i0; i < i1; i += 1) {
    const y = f(y0 + ((y1 - y0) * i) / (G - 1));
    for (let u = 0; u < h; u += 1) base[u] = W1y[u] * y + b1[u];
    for (let j = 0; j < G; j += 1) {
      const x = f(x0 + ((x1 - x0) * j) / (G - 1));
      for (let u = 0; u < h; u += 1) {
        const s = W1x[u] * x + base[u];
        if (relu) {
          a[u] = s > 0 ? s : 0;
        } else {
          // tanh(s) through e^(−2|s|), which never overflows (faster than Math.tanh)
          const e = Math.exp(-2 * Math.abs(s));
          const t = (1 - e) / (1 + e);
          a[u] = s < 0 ? -t : t;
        }
      }
      for (let c = 0; c < C; c += 1) {
        let sum = b2[c];
        const row = c * h;
        for (let u = 0; u < h; u += 1) sum += W2[row + u] * a[u];
        z[c] = sum;
      }
      done((i - i0) * G + j);
    }
  }
}

// Ŷ of one example x (any n): softmax of the output layer's z.
export function forwardOne(p, off, n, h, C, relu, x) {
  const z = new Float64Array(C);
  if (h === 0) {
    for (let c = 0; c < C; c += 1) {
      let s = p[off + C * n + c];
      for (let k = 0; k < n; k += 1) s += p[off + c * n + k] * x[k];
      z[c] = s;
    }
  } else {
    const a = new Float64Array(h);
    for (let u = 0; u < h; u += 1) {
      let s = p[off + h * n + u];
      for (let k = 0; k < n; k += 1) s += p[off + u * n + k] * x[k];
      a[u] = relu ? Math.max(s, 0) : Math.tanh(s);
    }
    const W2 = off + h * n + h;
    for (let c = 0; c < C; c += 1) {
      let s = p[W2 + C * h + c];
      for (let u = 0; u < h; u += 1) s += p[W2 + c * h + u] * a[u];
      z[c] = s;
    }
  }
  const top = Math.max(...z);
  const t = Array.from(z, (v) => Math.exp(v - top));
  const total = t.reduce((s, v) => s + v, 0);
  return t.map((v) => v / total);
}

const WORKER_SOURCE = `${regionsOnGrid.toString()}
let params = null;
onmessage = (event) => {
  const m = event.data;
  if (m.params) { params = m.params; return; }
  const G = m.grid[4];
  const classes = new Uint8Array((m.i1 - m.i0) * G);
  const conf = new Float32Array((m.i1 - m.i0) * G);
  regionsOnGrid(params, m.off, m.n, m.h, m.C, m.relu, m.grid, m.i0, m.i1, classes, conf);
  postMessage({ id: m.id, i0: m.i0, classes, conf }, [classes.buffer, conf.buffer]);
};`;
// The grid while playing: as fine as the workers keep up with (about 30 ms a
// frame), and always the full grid at rest.
const PLAY_GRIDS = [120, 100, 84, 72, 60];
const FRAME_BUDGET_MS = 30;

// float32 numbers sent as {dtype: "f4", bdata: base64} (plotly's typed arrays).
function decode(typed) {
  if (!typed) return null;
  const bytes = Uint8Array.from(atob(typed.bdata), (c) => c.charCodeAt(0));
  return new Float32Array(bytes.buffer);
}

function rgb(hex) {
  const v = parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

function el(tag, attrs = {}, parent = null) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value);
  }
  if (parent) parent.appendChild(node);
  return node;
}

// Icons as SVG paths (a font may lack ⏸ and ⏮), in a 16×16 box.
const ICONS = {
  play: 'M4 2.5v11l9.5-5.5z',
  pause: 'M3.5 2.5h3.2v11H3.5zM9.3 2.5h3.2v11H9.3z',
  rewind: 'M2.5 2.5h2v11h-2zM14 2.5v11L5.5 8z',
};

function icon(button, name) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'icon');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', ICONS[name]);
  path.setAttribute('fill', 'currentColor');
  svg.appendChild(path);
  button.replaceChildren(svg);
}

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, k) => (k in values ? String(values[k]) : `{${k}}`));
}

// -- the lab ------------------------------------------------------------------

class Lab {
  constructor(host, send) {
    this.host = host;
    this.send = send;
    this.root = el('div', { class: 'lab', 'data-testid': 'trainingLab' }, host);
    this.root.lab = this; // for tests and the benchmark
    this.playing = false;
    this.pos = 0; // the player's iteration, fractional while playing
    this.shading = 'softmax';
    this.runId = null;
    this.frames = 0;
    this.regionFrames = 0;
    this.frameTimes = [];
    this.regionTimes = [];
    this.edit = null; // points placed by hand, once editing starts
    this.pending = null; // { nonce, since } of points sent to Python
    this.chosen = 0; // the class a click adds
    this.wanted = null; // the snapshot index the regions should show
    this.shownIndex = -1;
    this.width = 0;
    this.raf = 0;
    this.jobId = 0;
    // A pool of workers, each computing a band of the grid's rows: one per
    // core the browser reports, less one for the page, from 1 to 4.
    this.workers = [];
    this.playGrid = PLAY_GRIDS[0];
    try {
      const url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
      const count = Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 1));
      for (let k = 0; k < count; k += 1) {
        const worker = new Worker(url);
        worker.onmessage = (event) => this.onBand(event.data);
        worker.onerror = () => {
          this.workers = [];
          this.job = null;
        };
        this.workers.push(worker);
      }
      URL.revokeObjectURL(url);
    } catch {
      this.workers = [];
    }
    this.resize = new ResizeObserver(() => {
      const width = this.root.clientWidth;
      if (width && width !== this.width) {
        this.width = width;
        // A canvas given a new size is blank: draw it again.
        if (this.data) {
          this.layout();
          this.draw();
        }
      }
    });
    this.resize.observe(this.root);
    this.onKey = (event) => this.key(event);
    document.addEventListener('keydown', this.onKey, true);
  }

  destroy() {
    cancelAnimationFrame(this.raf);
    this.resize.disconnect();
    document.removeEventListener('keydown', this.onKey, true);
    for (const worker of this.workers) worker.terminate();
    this.root.remove();
  }

  // -- data from Python ---------------------------------------------------------

  update(data) {
    const first = !this.data;
    this.data = data;
    const { run } = data;
    const now = performance.now();
    if (this.pending && (data.ack === this.pending.nonce || now - this.pending.since > 8000)) {
      this.pending = null;
      this.edit = null; // Python has the points: show its data from now on
    }
    if (!this.pending && !this.sendTimer) this.edit = null;
    const newRun = (run ? run.run_id : null) !== this.runId;
    if (newRun) {
      this.runId = run ? run.run_id : null;
      this.decodeRun();
      const restart = !first && this.restartNext;
      this.restartNext = false;
      this.pos = restart ? 0 : this.total;
      this.playing = false;
      this.shownIndex = -1;
      this.regions = null;
      if (restart && this.total > 0) this.play();
    }
    if (this.chosen >= data.count) this.chosen = 0;
    const signature = JSON.stringify([
      data.labels, data.names, data.count, data.compact, data.editable, data.presenter,
      data.sizes, data.speeds, data.axes, !!data.run, !!(run && run.test_costs), data.plane,
    ]);
    if (signature !== this.signature) {
      this.signature = signature;
      this.build();
    } else if (newRun) {
      this.layout();
    }
    this.pointsLayer = null;
    this.draw();
  }

  decodeRun() {
    const { run } = this.data;
    this.run = run;
    if (!run) {
      this.total = 0;
      return;
    }
    this.params = decode(run.params);
    this.costs = decode(run.costs);
    this.accuracies = decode(run.accuracies);
    this.testCosts = decode(run.test_costs);
    this.testAccuracies = decode(run.test_accuracies);
    this.total = run.iterations;
    const { n, hidden: h, classes: C } = run;
    this.per = h === 0 ? C * n + C : h * n + h + C * h + C;
    this.snaps = run.snapshots;
    let top = 0;
    for (const arr of [this.costs, this.testCosts]) {
      if (arr) for (const v of arr) if (Number.isFinite(v) && v > top) top = v;
    }
    this.costTop = top > 0 ? top * 1.05 : 1;
    for (const worker of this.workers) worker.postMessage({ params: this.params });
    this.job = null;
  }

  points(which) {
    const part = this.data[which];
    if (!part) return null;
    const X = decode(part.X);
    const m = part.labels.length;
    return { x: X.subarray(0, m), y: X.subarray(m, 2 * m), labels: part.labels, m };
  }

  // -- the player ---------------------------------------------------------------

  iteration() {
    return Math.min(Math.floor(this.pos + 1e-9), this.total);
  }

  snapshotIndex(iteration) {
    // The last snapshot at or before the iteration.
    const { snaps } = this;
    let lo = 0;
    let hi = snaps.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (snaps[mid] <= iteration) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  play() {
    if (!this.run || this.total === 0) return;
    if (this.iteration() >= this.total) this.pos = 0; // played to the end: again
    this.playing = true;
    this.pressedAt = performance.now();
    this.firstFrameAfterPress = null;
    this.last = null;
    this.loop();
    this.draw();
  }

  pause() {
    this.playing = false;
    cancelAnimationFrame(this.raf);
    this.draw();
  }

  toggle() {
    if (this.playing) this.pause();
    else this.play();
  }

  stepBy(count) {
    this.playing = false;
    cancelAnimationFrame(this.raf);
    this.pos = Math.min(this.iteration() + count, this.total);
    this.draw();
  }

  rewind() {
    this.playing = false;
    cancelAnimationFrame(this.raf);
    this.pos = 0;
    this.draw();
  }

  loop() {
    cancelAnimationFrame(this.raf);
    this.raf = requestAnimationFrame((t) => {
      if (!this.playing) return;
      if (this.last !== null) {
        const dt = Math.min((t - this.last) / 1000, 0.25);
        this.pos = Math.min(this.pos + dt * this.speed(), this.total);
      }
      this.last = t;
      this.frames += 1;
      this.frameTimes.push(t);
      if (this.frameTimes.length > 600) this.frameTimes.shift();
      if (this.iteration() >= this.total) this.playing = false;
      this.draw();
      if (this.playing) this.loop();
    });
  }

  speed() {
    return Number(this.speedSelect ? this.speedSelect.value : this.data.speed);
  }

  key(event) {
    // The space bar plays and pauses, unless the focus is where a space types
    // or presses (an input, a button other than this lab's, a select).
    if (event.key !== ' ' || event.repeat || !this.run || !this.root.isConnected) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const path = event.composedPath();
    const mine = path.includes(this.root);
    const target = path[0];
    const tag = target && target.tagName ? target.tagName.toLowerCase() : '';
    if (mine && tag === 'button') return; // its own click
    if (!mine && ['input', 'textarea', 'select', 'button', 'a'].includes(tag)) return;
    if (target && target.isContentEditable) return;
    if (target && target.getAttribute && ['slider', 'button', 'combobox', 'option', 'tab', 'radio', 'checkbox', 'switch'].includes(target.getAttribute('role'))) return;
    event.preventDefault();
    event.stopPropagation();
    this.toggle();
  }

  // -- building the DOM ---------------------------------------------------------

  build() {
    const { data } = this;
    const L = data.labels;
    this.root.replaceChildren();
    this.root.classList.toggle('presenter', data.presenter);
    this.root.classList.toggle('compact', data.compact);
    this.root.classList.toggle('editable', !!data.editable);
    this.root.style.setProperty('--font', `${data.sizes.font}px`);
    this.root.style.setProperty('--title', `${data.sizes.title}px`);
    this.root.style.fontFamily = data.font_family;

    const bar = el('div', { class: 'bar', role: 'toolbar', 'aria-label': L.regions }, this.root);
    this.playButton = el('button', { class: 'play', type: 'button', 'data-testid': 'labPlay' }, bar);
    this.playButton.addEventListener('click', () => this.toggle());
    const rewind = el('button', { type: 'button', 'aria-label': L.rewind, title: L.rewind, 'data-testid': 'labRewind' }, bar);
    icon(rewind, 'rewind');
    rewind.addEventListener('click', () => this.rewind());
    for (const count of [1, 10, 100]) {
      const step = el('button', {
        type: 'button', class: 'step', 'data-testid': `labStep${count}`,
        'aria-label': fill(L.step, { n: count }), title: fill(L.step, { n: count }),
      }, bar);
      step.textContent = `+${count}`;
      step.addEventListener('click', () => this.stepBy(count));
    }
    const speed = el('label', { class: 'speed' }, bar);
    el('span', { text: L.speed }, speed);
    this.speedSelect = el('select', { 'data-testid': 'labSpeed' }, speed);
    for (const s of data.speeds) {
      el('option', { value: String(s), text: fill(L.speed_unit, { n: s }) }, this.speedSelect);
    }
    this.speedSelect.value = String(data.speed);
    this.iterationText = el('span', { class: 'iteration', 'aria-live': 'off', 'data-testid': 'labIteration' }, bar);
    const shading = el('div', { class: 'shading', role: 'radiogroup', 'aria-label': L.shading }, bar);
    el('span', { text: L.shading }, shading);
    this.shadingButtons = {};
    for (const mode of ['softmax', 'hardmax']) {
      const b = el('button', { type: 'button', role: 'radio', 'data-testid': `labShading-${mode}`, text: L[mode] }, shading);
      b.addEventListener('click', () => {
        this.shading = mode;
        this.paintRegions();
        this.draw();
      });
      this.shadingButtons[mode] = b;
    }

    const body = el('div', { class: 'body' }, this.root);
    const planeBox = el('figure', { class: 'panel plane-box' }, body);
    planeBox.hidden = !data.plane; // data of more than two features: no plane
    this.planeTitle = el('figcaption', { class: 'title' }, planeBox);
    this.plane = el('canvas', { class: 'plane', 'data-testid': 'labPlane', role: 'img', 'aria-label': L.regions }, planeBox);
    this.plane.addEventListener('click', (e) => this.onPlaneClick(e, e.shiftKey));
    this.plane.addEventListener('contextmenu', (e) => {
      if (!this.data.editable) return;
      e.preventDefault();
      this.onPlaneClick(e, true);
    });
    const curveBox = el('figure', { class: 'panel curve-box' }, body);
    el('figcaption', { class: 'title', text: L.curve }, curveBox);
    this.legend = el('div', { class: 'legend' }, curveBox);
    this.curve = el('canvas', { class: 'curve', 'data-testid': 'labCurve', role: 'img', 'aria-label': L.curve }, curveBox);
    // Compact (the lecture's step, projected), the metrics go under the curve,
    // beside the plane, to keep the whole step on the screen.
    this.metrics = el('div', { class: 'metrics', 'data-testid': 'labMetrics' }, data.compact ? curveBox : this.root);
    this.metricCells = {};
    const tested = !!(data.run && data.run.test_costs);
    for (const name of ['cost', 'accuracy', ...(tested ? ['test_cost', 'test_accuracy'] : [])]) {
      const box = el('div', { class: 'metric' }, this.metrics);
      el('div', { class: 'metric-label', text: L[name] }, box);
      this.metricCells[name] = el('div', { class: 'metric-value', 'data-testid': `labMetric-${name}` }, box);
    }
    this.legend.replaceChildren();
    const keys = [['cost', 'line'], ['accuracy', 'dash']];
    if (tested) keys.push(['test_cost', 'line test'], ['test_accuracy', 'dash test']);
    for (const [name, kind] of keys) {
      const k = el('span', { class: 'key' }, this.legend);
      el('span', { class: `mark ${kind} ${name.includes('cost') ? 'cost' : 'acc'}` }, k);
      el('span', { text: L[name] }, k);
    }
    this.yHat = null;
    if (!data.compact && data.shown && data.shown.X.length) {
      const box = el('div', { class: 'yhat' }, this.metrics);
      el('div', { class: 'metric-label', text: fill(L.y_hat, { k: data.shown.X.length }) }, box);
      this.yHat = el('canvas', { class: 'yhat-canvas', 'data-testid': 'labYHat', role: 'img', 'aria-label': fill(L.y_hat, { k: data.shown.X.length }) }, box);
    }
    this.editBar = null;
    if (data.editable) {
      const edit = el('div', { class: 'edit', 'data-testid': 'labEdit' }, this.root);
      el('span', { text: L.add_class }, edit);
      this.classButtons = data.names.map((name, k) => {
        const b = el('button', { type: 'button', class: 'class', role: 'radio', 'data-testid': `labClass${k}` }, edit);
        el('span', { class: 'swatch', style: `background:${data.colours.classes[k]}` }, b);
        el('span', { text: name }, b);
        b.addEventListener('click', () => {
          this.chosen = k;
          this.drawEditBar();
        });
        return b;
      });
      const clear = el('button', { type: 'button', 'data-testid': 'labClear', text: L.clear }, edit);
      clear.addEventListener('click', () => this.setPoints([]));
      this.backButton = el('button', { type: 'button', 'data-testid': 'labBack', text: L.back }, edit);
      this.backButton.addEventListener('click', () => this.sendPoints(null));
      this.countText = el('span', { class: 'count', 'data-testid': 'labCount' }, edit);
      el('div', { class: 'hint', text: L.edit_hint }, edit);
      this.editBar = edit;
    }
    this.note = el('div', { class: 'note', 'data-testid': 'labNote' }, this.root);
    this.layout();
  }

  layout() {
    const { data } = this;
    if (!this.plane) return;
    const width = this.width || this.root.clientWidth || 700;
    const side = data.plane && (!data.compact ? width >= 640 : width >= 560);
    this.root.classList.toggle('side', side);
    const cell = side ? Math.floor((width - 24) / 2) : width;
    const maxHeight = data.presenter ? (data.compact ? 380 : 560) : data.compact ? 330 : 400;
    const planeSize = Math.max(160, Math.min(cell, side ? maxHeight : maxHeight * 0.85));
    this.sizeCanvas(this.plane, planeSize, planeSize);
    const beside = data.compact && side ? this.metrics.offsetHeight || 0 : 0;
    const curveHeight = side ? planeSize - (this.legend.offsetHeight || 0) - beside : Math.min(planeSize * 0.6, 240);
    const curveWidth = side ? width - planeSize - 28 : cell;
    this.sizeCanvas(this.curve, curveWidth, Math.max(140, curveHeight));
    if (this.yHat) {
      // Rows tall enough to read when projected; the columns as wide as the
      // numbers need, the whole width on a phone (the lab's one column).
      const C = data.count;
      const column = data.presenter ? 66 : 48;
      const names = this.yHatNamesWidth();
      const wanted = names + data.shown.X.length * column;
      this.sizeCanvas(this.yHat, Math.min(side ? width * 0.6 : width, wanted), C * (data.presenter ? 34 : 20) + 4);
    }
    this.pointsLayer = null;
  }

  sizeCanvas(canvas, w, h) {
    const dpr = window.devicePixelRatio || 1;
    canvas.style.width = `${Math.round(w)}px`;
    canvas.style.height = `${Math.round(h)}px`;
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(h * dpr);
    canvas.cssWidth = w;
    canvas.cssHeight = h;
  }

  // -- drawing ------------------------------------------------------------------

  draw() {
    if (!this.data || !this.plane) return;
    const { data } = this;
    const L = data.labels;
    const it = this.iteration();
    const shape = this.playing ? 'pause' : 'play';
    if (this.playButton.dataset.icon !== shape) {
      icon(this.playButton, shape);
      this.playButton.dataset.icon = shape;
    }
    this.playButton.setAttribute('aria-label', this.playing ? L.pause : L.play);
    this.playButton.title = this.playing ? L.pause : L.play;
    this.playButton.disabled = !this.run || this.total === 0;
    this.iterationText.textContent = fill(L.iteration_of, { n: it, m: this.total });
    for (const [mode, b] of Object.entries(this.shadingButtons)) {
      b.setAttribute('aria-checked', String(this.shading === mode));
    }
    this.planeTitle.textContent = fill(L.regions, { it });
    this.drawPlane(it);
    this.drawCurve(it);
    this.drawMetrics(it);
    this.drawYHat(it);
    this.drawEditBar();
    let note = '';
    if (!data.plane) note = L.no_plane;
    else if (!this.run) note = L.no_run;
    this.note.textContent = note;
    this.note.hidden = !note;
    const d = this.root.dataset;
    d.iteration = String(it);
    d.total = String(this.total);
    d.playing = String(this.playing);
    d.shading = this.shading;
    d.frames = String(this.frames);
    d.regionFrames = String(this.regionFrames);
    d.snapshot = this.run && this.shownIndex >= 0 ? String(this.snaps[this.shownIndex]) : '';
  }

  // Regions: asked of the workers for the snapshot at the iteration; drawn
  // when every band has come back (the newest asked for, skipping any in
  // between). While playing, the grid is as fine as they keep up with.
  drawPlane(it) {
    if (this.data.plane && this.run) {
      const index = this.snapshotIndex(it);
      const G = this.playing ? this.playGrid : this.data.grid[4];
      if (index !== this.shownIndex || (!this.playing && this.shownGrid !== G)) {
        this.requestRegions(index);
      }
    }
    this.composePlane();
  }

  requestRegions(index) {
    this.wanted = index;
    if (this.job) return;
    const { run } = this;
    const G = this.playing ? this.playGrid : this.data.grid[4];
    const grid = [...this.data.grid.slice(0, 4), G];
    const job = {
      id: (this.jobId += 1), index, off: index * this.per, n: run.n, h: run.hidden,
      C: run.classes, relu: run.activation === 'relu', grid,
    };
    job.classes = new Uint8Array(G * G);
    job.conf = new Float32Array(G * G);
    job.since = performance.now();
    if (!this.workers.length) {
      regionsOnGrid(this.params, job.off, job.n, job.h, job.C, job.relu, grid, 0, G, job.classes, job.conf);
      this.job = job;
      this.finishJob(true);
      return;
    }
    const k = this.workers.length;
    job.left = k;
    this.job = job;
    for (let w = 0; w < k; w += 1) {
      const i0 = Math.floor((G * w) / k);
      const i1 = Math.floor((G * (w + 1)) / k);
      const { classes, conf, ...message } = job;
      this.workers[w].postMessage({ ...message, i0, i1 });
    }
  }

  onBand(band) {
    const { job } = this;
    if (!job || band.id !== job.id) return;
    const G = job.grid[4];
    job.classes.set(band.classes, band.i0 * G);
    job.conf.set(band.conf, band.i0 * G);
    job.left -= 1;
    if (job.left === 0) this.finishJob(false);
  }

  finishJob(sync) {
    const { job } = this;
    this.job = null;
    if (!this.run || !job) return;
    const now = performance.now();
    const took = now - job.since;
    const G = job.grid[4];
    if (this.playing && G === this.playGrid) {
      const at = PLAY_GRIDS.indexOf(this.playGrid);
      if (took > FRAME_BUDGET_MS && at < PLAY_GRIDS.length - 1) this.playGrid = PLAY_GRIDS[at + 1];
      else if (took < FRAME_BUDGET_MS * 0.45 && at > 0) this.playGrid = PLAY_GRIDS[at - 1];
    }
    this.regions = { index: job.index, classes: job.classes, conf: job.conf, G };
    this.shownIndex = job.index;
    this.shownGrid = G;
    this.regionFrames += 1;
    this.regionTimes.push(now);
    if (this.regionTimes.length > 600) this.regionTimes.shift();
    if (this.playing && this.firstFrameAfterPress === null) {
      this.firstFrameAfterPress = now - this.pressedAt;
    }
    this.paintRegions();
    if (!sync) {
      this.composePlane();
      const d = this.root.dataset;
      d.regionFrames = String(this.regionFrames);
      d.snapshot = String(this.snaps[this.shownIndex]);
      d.grid = String(G);
    }
    const wantedGrid = this.playing ? this.playGrid : this.data.grid[4];
    if (this.wanted !== null && (this.wanted !== this.shownIndex || wantedGrid !== G)) {
      this.requestRegions(this.wanted);
    }
  }

  // The regions as an image of G×G pixels: class colour, pale where unsure
  // (softmax) or flat (hardmax).
  paintRegions() {
    if (!this.regions) return;
    const { G } = this.regions;
    if (!this.image || this.image.width !== G) {
      this.image = document.createElement('canvas');
      this.image.width = G;
      this.image.height = G;
    }
    const ctx = this.image.getContext('2d');
    const pixels = ctx.createImageData(G, G);
    const colours = this.data.colours.classes.map(rgb);
    const C = this.run.classes;
    const { classes, conf } = this.regions;
    const soft = this.shading === 'softmax';
    const floor = 1 / C;
    for (let i = 0; i < G; i += 1) {
      const row = G - 1 - i; // y grows upwards
      for (let j = 0; j < G; j += 1) {
        const cell = i * G + j;
        const colour = colours[classes[cell]] || [128, 128, 128];
        let strength = 0.42;
        if (soft) strength = 0.6 * Math.max(0, Math.min(1, (conf[cell] - floor) / (1 - floor)));
        const o = (row * G + j) * 4;
        pixels.data[o] = 255 + (colour[0] - 255) * strength;
        pixels.data[o + 1] = 255 + (colour[1] - 255) * strength;
        pixels.data[o + 2] = 255 + (colour[2] - 255) * strength;
        pixels.data[o + 3] = 255;
      }
    }
    ctx.putImageData(pixels, 0, 0);
  }

  toPlane(px, py) {
    const [x0, x1, y0, y1] = this.data.grid;
    const w = this.plane.cssWidth;
    const h = this.plane.cssHeight;
    return [x0 + ((x1 - x0) * px) / w, y1 - ((y1 - y0) * py) / h];
  }

  toPixel(x, y) {
    const [x0, x1, y0, y1] = this.data.grid;
    return [((x - x0) / (x1 - x0)) * this.plane.cssWidth, ((y1 - y) / (y1 - y0)) * this.plane.cssHeight];
  }

  composePlane() {
    const canvas = this.plane;
    const ctx = canvas.getContext('2d');
    const dpr = canvas.width / canvas.cssWidth;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    if (this.regions && this.image && this.run && this.data.plane) {
      ctx.imageSmoothingEnabled = false;
      // The grid's cells are centred on its points: half a cell beyond each edge.
      const { G } = this.regions;
      const cw = canvas.width / (G - 1);
      const ch = canvas.height / (G - 1);
      ctx.drawImage(this.image, -cw / 2, -ch / 2, canvas.width + cw, canvas.height + ch);
    }
    if (!this.pointsLayer || this.pointsLayer.width !== canvas.width || this.pointsLayer.height !== canvas.height) {
      this.pointsLayer = this.drawPoints(canvas.width, canvas.height, dpr);
    }
    ctx.drawImage(this.pointsLayer, 0, 0);
    ctx.strokeStyle = '#9aa5b1';
    ctx.lineWidth = dpr;
    ctx.strokeRect(0.5 * dpr, 0.5 * dpr, canvas.width - dpr, canvas.height - dpr);
  }

  currentPoints() {
    if (this.edit) return { train: this.edit, test: [] };
    const list = (which) => {
      const p = this.points(which);
      if (!p) return [];
      return Array.from({ length: p.m }, (_, i) => [p.labels[i], p.x[i], p.y[i]]);
    };
    return { train: list('train'), test: list('test') };
  }

  drawPoints(width, height, dpr) {
    const layer = document.createElement('canvas');
    layer.width = width;
    layer.height = height;
    if (!this.data.plane) return layer;
    const ctx = layer.getContext('2d');
    ctx.scale(dpr, dpr);
    const { train, test } = this.currentPoints();
    const many = train.length + test.length > 600;
    const r = (this.data.presenter ? 6 : 4) * (many ? 0.7 : 1);
    const colours = this.data.colours.classes;
    ctx.lineWidth = many ? 0.6 : 1;
    for (const [k, x, y] of train) {
      const [px, py] = this.toPixel(x, y);
      ctx.beginPath();
      ctx.arc(px, py, r, 0, 2 * Math.PI);
      ctx.fillStyle = colours[k] || '#777777';
      ctx.fill();
      ctx.strokeStyle = '#111111';
      ctx.stroke();
    }
    for (const [k, x, y] of test) {
      const [px, py] = this.toPixel(x, y);
      ctx.beginPath();
      ctx.moveTo(px, py - r * 1.3);
      ctx.lineTo(px + r * 1.3, py);
      ctx.lineTo(px, py + r * 1.3);
      ctx.lineTo(px - r * 1.3, py);
      ctx.closePath();
      ctx.fillStyle = colours[k] || '#777777';
      ctx.fill();
      ctx.strokeStyle = '#111111';
      ctx.stroke();
    }
    const h = this.data.highlight; // [x, y] of the example selected, or null
    if (!this.edit && Array.isArray(h)) {
      const [px, py] = this.toPixel(h[0], h[1]);
      ctx.beginPath();
      ctx.arc(px, py, r * 2.6, 0, 2 * Math.PI);
      ctx.strokeStyle = this.data.colours.highlight;
      ctx.lineWidth = this.data.presenter ? 4 : 3;
      ctx.stroke();
    }
    // Axis names in the corners.
    const [xName, yName] = this.data.axes || [];
    ctx.font = `${Math.round(this.data.sizes.font * 0.8)}px ${this.data.font_family}`;
    ctx.fillStyle = '#333333';
    if (xName) {
      ctx.textAlign = 'right';
      ctx.textBaseline = 'bottom';
      ctx.fillText(`${xName} →`, width / dpr - 6, height / dpr - 4);
    }
    if (yName) {
      ctx.textAlign = 'left';
      ctx.textBaseline = 'top';
      ctx.fillText(`↑ ${yName}`, 6, 4);
    }
    return layer;
  }

  // A canvas cleared and scaled to CSS pixels: its context, width and height.
  static cleared(canvas) {
    const ctx = canvas.getContext('2d');
    const dpr = canvas.width / canvas.cssWidth;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, canvas.cssWidth, canvas.cssHeight);
    return { ctx, W: canvas.cssWidth, H: canvas.cssHeight };
  }

  drawCurve(it) {
    const { ctx, W, H } = Lab.cleared(this.curve);
    const font = Math.round(this.data.sizes.font * 0.8);
    ctx.font = `${font}px ${this.data.font_family}`;
    const left = font * 3.2;
    const right = font * 3.4;
    const top = font * 0.8;
    const bottom = font * 2.6;
    const w = W - left - right;
    const h = H - top - bottom;
    ctx.strokeStyle = '#9aa5b1';
    ctx.lineWidth = 1;
    ctx.strokeRect(left, top, w, h);
    if (!this.run) return;
    const total = Math.max(this.total, 1);
    const X = (i) => left + (w * i) / total;
    const YJ = (v) => top + h - (h * Math.min(v, this.costTop)) / this.costTop;
    const YA = (v) => top + h - h * v;
    ctx.fillStyle = '#333333';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (const i of [0, Math.round(total / 2), total]) ctx.fillText(String(i), X(i), top + h + 4);
    ctx.fillText(this.data.labels.iteration_axis, left + w / 2, top + h + font * 1.3);
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const v of [0, this.costTop / 2, this.costTop]) ctx.fillText(v.toFixed(2), left - 4, YJ(v));
    ctx.textAlign = 'left';
    for (const v of [0, 0.5, 1]) {
      // 0 % sits above its line, clear of the last iteration's number.
      ctx.textBaseline = v === 0 ? 'bottom' : 'middle';
      ctx.fillText(`${Math.round(v * 100)}%`, left + w + 4, YA(v));
    }
    const sizes = this.data.sizes;
    const line = Math.max(1.5, sizes.line * 0.7);
    const series = [
      [this.costs, YJ, '#0072B2', []],
      [this.accuracies, YA, '#E69F00', [6, 4]],
      [this.testCosts, YJ, this.data.colours.test, []],
      [this.testAccuracies, YA, this.data.colours.test, [6, 4]],
    ];
    const end = Math.min(it, this.costs.length - 1);
    const stride = Math.max(1, Math.floor(end / (w * 2)));
    for (const [values, Y, colour, dash] of series) {
      if (!values) continue;
      ctx.beginPath();
      ctx.setLineDash(dash);
      ctx.strokeStyle = colour;
      ctx.lineWidth = line;
      for (let i = 0; i <= end; i += stride) {
        const v = values[i];
        if (!Number.isFinite(v)) continue;
        if (i === 0) ctx.moveTo(X(i), Y(v));
        else ctx.lineTo(X(i), Y(v));
      }
      if (Number.isFinite(values[end])) ctx.lineTo(X(end), Y(values[end]));
      ctx.stroke();
    }
    ctx.setLineDash([]);
    // The player's iteration.
    ctx.strokeStyle = '#333333';
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(X(it), top);
    ctx.lineTo(X(it), top + h);
    ctx.stroke();
    if (Number.isFinite(this.costs[end])) {
      ctx.fillStyle = '#0072B2';
      ctx.beginPath();
      ctx.arc(X(end), YJ(this.costs[end]), line * 2, 0, 2 * Math.PI);
      ctx.fill();
    }
    const d = this.data.diverged_at;
    if (Number.isInteger(d) && d >= 0 && d <= total) {
      ctx.strokeStyle = this.data.colours.highlight;
      ctx.setLineDash([4, 3]);
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.moveTo(X(d), top);
      ctx.lineTo(X(d), top + h);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = this.data.colours.highlight;
      ctx.textAlign = X(d) > left + w / 2 ? 'right' : 'left';
      ctx.textBaseline = 'top';
      ctx.fillText(fill(this.data.labels.diverged, { it: d }), X(d) + (X(d) > left + w / 2 ? -4 : 4), top + 2);
    }
  }

  drawMetrics(it) {
    if (!this.run) {
      for (const cell of Object.values(this.metricCells)) cell.textContent = '–';
      return;
    }
    const i = Math.min(it, this.costs.length - 1);
    const pct = (v) => `${(100 * v).toFixed(1)}%`;
    this.metricCells.cost.textContent = this.costs[i].toFixed(3);
    this.metricCells.accuracy.textContent = pct(this.accuracies[i]);
    if (this.metricCells.test_cost && this.testCosts) {
      this.metricCells.test_cost.textContent = this.testCosts[i].toFixed(3);
      this.metricCells.test_accuracy.textContent = pct(this.testAccuracies[i]);
    }
  }

  // The type of the small Ŷ's class names and numbers, in CSS pixels.
  yHatFont() {
    return Math.round(this.data.sizes.font * (this.data.presenter ? 0.8 : 0.75));
  }

  // The width the small Ŷ gives its class names: the longest, cut at 10 letters.
  yHatNamesWidth() {
    const ctx = this.yHat.getContext('2d');
    ctx.font = `${this.yHatFont()}px ${this.data.font_family}`;
    const widest = Math.max(0, ...this.data.names.map((name) => ctx.measureText(Lab.shortName(name)).width));
    return Math.ceil(widest) + 10;
  }

  static shortName(name) {
    return name.length > 10 ? `${name.slice(0, 9)}…` : name;
  }

  drawYHat(it) {
    if (!this.yHat || !this.run) return;
    const { ctx, W, H } = Lab.cleared(this.yHat);
    const { X, labels } = this.data.shown;
    const { n, hidden: h, classes: C, activation } = this.run;
    const index = this.snapshotIndex(it);
    const off = index * this.per;
    const left = Math.min(this.yHatNamesWidth(), W * 0.4);
    const cw = (W - left) / X.length;
    const chh = (H - 4) / C;
    // No wider than a cell: "0.00" is about 2.4 letters wide.
    const font = Math.min(chh * 0.75, this.yHatFont(), cw / 2.4);
    ctx.font = `${Math.round(font)}px ${this.data.font_family}`;
    ctx.textBaseline = 'middle';
    const shown = [];
    X.forEach((x, col) => {
      const y = forwardOne(this.params, off, n, h, C, activation === 'relu', x);
      shown.push(y);
      for (let c = 0; c < C; c += 1) {
        const v = y[c];
        const g = Math.round(255 - 200 * v);
        ctx.fillStyle = `rgb(${g},${Math.round(255 - 150 * v)},255)`;
        ctx.fillRect(left + col * cw + 1, 2 + c * chh, cw - 2, chh - 1);
        if (font >= 9) {  // smaller than that, the colour alone tells
          ctx.fillStyle = v > 0.55 ? '#ffffff' : '#111111';
          ctx.textAlign = 'center';
          ctx.fillText(v.toFixed(2), left + col * cw + cw / 2, 2 + c * chh + chh / 2);
        }
        if (c === labels[col]) {
          ctx.strokeStyle = '#111111';
          ctx.lineWidth = 2;
          ctx.strokeRect(left + col * cw + 2, 3 + c * chh, cw - 4, chh - 3);
        }
      }
    });
    ctx.textAlign = 'right';
    ctx.fillStyle = '#333333';
    ctx.font = `${Math.round(Math.min(chh * 0.75, this.yHatFont()))}px ${this.data.font_family}`;
    for (let c = 0; c < C; c += 1) {
      const name = this.data.names[c] || String(c);
      ctx.fillText(Lab.shortName(name), left - 4, 2 + c * chh + chh / 2, left - 6);
    }
    this.yHat.dataset.values = JSON.stringify(shown.map((y) => y.map((v) => Number(v.toFixed(6)))));
  }

  // -- points by hand -------------------------------------------------------------

  drawEditBar() {
    if (!this.editBar) return;
    this.classButtons.forEach((b, k) => b.setAttribute('aria-checked', String(k === this.chosen)));
    const count = this.edit ? this.edit.length : this.data.hand ? (this.data.train ? this.data.train.labels.length : 0) + (this.data.test ? this.data.test.labels.length : 0) : null;
    this.countText.textContent = count === null ? '' : fill(this.data.labels.point_count, { n: count });
    this.countText.dataset.count = count === null ? '' : String(count);
    this.backButton.disabled = !this.data.hand && !this.edit;
  }

  startEdit() {
    if (this.edit) return;
    this.edit = this.data.hand_start.map((p) => [...p]);
  }

  onPlaneClick(event, remove) {
    if (!this.data.editable) return;
    const rect = this.plane.getBoundingClientRect();
    const px = event.clientX - rect.left;
    const py = event.clientY - rect.top;
    this.startEdit();
    const radius = (this.data.presenter ? 6 : 4) + 6;
    let nearest = -1;
    let best = Infinity;
    this.edit.forEach(([, x, y], i) => {
      const [qx, qy] = this.toPixel(x, y);
      const d = Math.hypot(qx - px, qy - py);
      if (d < best) {
        best = d;
        nearest = i;
      }
    });
    if (nearest >= 0 && (best <= radius || (remove && best <= radius * 3))) {
      this.edit.splice(nearest, 1);
    } else if (remove) {
      return;
    } else {
      if (this.edit.length >= this.data.max_points) {
        this.note.textContent = this.data.labels.too_many;
        this.note.hidden = false;
        return;
      }
      const [x, y] = this.toPlane(px, py);
      this.edit.push([this.chosen, Math.round(x * 100) / 100, Math.round(y * 100) / 100]);
    }
    this.setPoints(this.edit);
  }

  setPoints(points) {
    this.edit = points.map((p) => [...p]);
    this.pointsLayer = null;
    this.composePlane();
    this.drawEditBar();
    clearTimeout(this.sendTimer);
    this.sendTimer = setTimeout(() => this.sendPoints(this.edit), 350);
    this.countText.dataset.sent = 'false';
  }

  sendPoints(points) {
    clearTimeout(this.sendTimer);
    this.sendTimer = 0;
    const nonce = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
    this.pending = { nonce, since: performance.now() };
    if (points === null) this.edit = null;
    this.restartNext = true;
    this.send('points', { points: points === null ? null : points.map((p) => [...p]), nonce });
  }

  // For tests: the regions' classes at snapshot ``index``, computed here.
  classesAt(index) {
    const G = this.data.grid[4];
    const classes = new Uint8Array(G * G);
    const conf = new Float32Array(G * G);
    const { run } = this;
    regionsOnGrid(this.params, index * this.per, run.n, run.hidden, run.classes, run.activation === 'relu', this.data.grid, 0, G, classes, conf);
    return Array.from(classes);
  }

  stats() {
    const rate = (times) => {
      const gaps = [];
      for (let i = 1; i < times.length; i += 1) gaps.push(times[i] - times[i - 1]);
      gaps.sort((a, b) => a - b);
      if (!gaps.length) return null;
      const median = gaps[Math.floor(gaps.length / 2)];
      const p95 = gaps[Math.min(gaps.length - 1, Math.floor(gaps.length * 0.95))];
      return {
        median_fps: 1000 / median, p95_fps: 1000 / p95,
        worst_fps: 1000 / gaps[gaps.length - 1], count: times.length,
      };
    };
    return {
      frames: rate(this.frameTimes),
      regions: rate(this.regionTimes),
      press_to_first_frame_ms: this.firstFrameAfterPress,
      grid: this.playGrid,
      workers: this.workers.length,
    };
  }

  resetStats() {
    this.frameTimes = [];
    this.regionTimes = [];
  }
}

export default function mount(component) {
  // Python sends its data as the one item of a list (see components.py).
  const [data] = component.data;
  const { parentElement, setTriggerValue } = component;
  let lab = views.get(parentElement);
  if (!lab) {
    lab = new Lab(parentElement, setTriggerValue);
    views.set(parentElement, lab);
  }
  lab.update(data);
  return () => {
    views.get(parentElement)?.destroy();
    views.delete(parentElement);
  };
}
