// "Link to this view" of softmax_ui/classroom.py: the page's address as the
// browser has it now, and a button that copies it.
//
// Streamlit writes each bound widget's value, the language, presenter mode and
// ?hide= into the address bar, so the address is the state of the view. The
// server's own copy of the query string can be a rerun behind (when a slider
// moves twice during one run), so the link is read here, where it is current,
// and read again while it is on screen.

const REFRESH_MS = 300;
const COPIED_MS = 1500;
const links = new WeakMap();

function el(tag, attrs, parent) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  parent.appendChild(node);
  return node;
}

// Without navigator.clipboard (a page served over plain http to another
// machine), a selected, off-screen textarea and the copy command still work.
function copyBySelection(text) {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.left = '-9999px';
  document.body.appendChild(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  return copied;
}

class ViewLink {
  constructor(host) {
    this.root = el('div', { class: 'view-link' }, host);
    this.url = el(
      'div',
      { class: 'url', 'data-testid': 'classroomLink', tabindex: '0', role: 'textbox' },
      this.root,
    );
    this.url.setAttribute('aria-readonly', 'true');
    this.button = el('button', { type: 'button', class: 'copy' }, this.root);
    this.url.addEventListener('focus', () => this.select());
    this.button.addEventListener('click', () => this.copy());
    this.timer = setInterval(() => this.refresh(), REFRESH_MS);
    this.reset = 0;
  }

  update(data) {
    this.labels = data.labels;
    this.private = data.private || [];
    this.url.setAttribute('aria-label', this.labels.link);
    if (!this.reset) this.button.textContent = this.labels.copy;
    this.refresh();
  }

  // The address without what belongs to this tab alone (a poll's lecturer
  // token, a student's answering id): a link hands out the view, not them.
  // Only an address that has them is rewritten: deleting re-encodes the query.
  shared() {
    const href = window.location.href;
    const url = new URL(href);
    const present = (this.private || []).filter((key) => url.searchParams.has(key));
    if (!present.length) return href;
    for (const key of present) url.searchParams.delete(key);
    return url.href;
  }

  refresh() {
    const href = this.shared();
    if (this.url.textContent !== href) this.url.textContent = href;
  }

  select() {
    const range = document.createRange();
    range.selectNodeContents(this.url);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  async copy() {
    const text = this.shared();
    let copied = false;
    try {
      await navigator.clipboard.writeText(text);
      copied = true;
    } catch {
      copied = copyBySelection(text);
    }
    this.button.textContent = copied ? this.labels.copied : this.labels.copy_by_hand;
    if (!copied) this.select();
    clearTimeout(this.reset);
    this.reset = setTimeout(() => {
      this.reset = 0;
      this.button.textContent = this.labels.copy;
    }, COPIED_MS);
  }

  destroy() {
    clearInterval(this.timer);
    clearTimeout(this.reset);
    this.root.remove();
  }
}

export default function mount(component) {
  // Python sends its data as the one item of a list (see components.py).
  const [data] = component.data;
  const { parentElement } = component;
  let link = links.get(parentElement);
  if (!link) {
    link = new ViewLink(parentElement);
    links.set(parentElement, link);
  }
  link.update(data);
  // Streamlit keeps only the last cleanup and runs it when the element goes away.
  return () => {
    links.get(parentElement)?.destroy();
    links.delete(parentElement);
  };
}
