// Back to the view after the server restarts (softmax_ui/reconnect.py).
//
// When the server goes away (a laptop that slept, `make run` again), Streamlit
// shows its "Connection error" dialog and retries with a back-off that grows
// to a minute. A new server process knows nothing of the old session: the
// page stays as it was drawn, and a move of a slider inside an st.fragment
// asks for a fragment the new process does not have, so nothing happens.
// Every value of the view is in the address (page, language, presenter mode,
// the controls), so once the server answers again the page is loaded anew.
//
// The dialog's English is Streamlit's; its text nodes are given the app's
// words in the page's language (their values only: the nodes stay React's).
// So are the file picker's words ("Browse files", "… per file"), which
// st.file_uploader takes from no argument.

const CHECK_MS = 1000;
const STREAMLIT_WORDS = /Connection error|not responding|still running|Cannot connect/;

const shared = window.__softmaxReconnect ?? (window.__softmaxReconnect = {
  labels: null,
  polling: 0,
  observer: null,
});

function connectionDialog() {
  for (const dialog of document.querySelectorAll('[data-testid="stDialog"]')) {
    if (dialog.dataset.softmaxConnection || STREAMLIT_WORDS.test(dialog.textContent)) {
      dialog.dataset.softmaxConnection = '1';
      return dialog;
    }
  }
  return null;
}

function textNodes(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes = [];
  while (walker.nextNode()) {
    if (walker.currentNode.nodeValue.trim()) nodes.push(walker.currentNode);
  }
  return nodes;
}

function translate(dialog) {
  const labels = shared.labels;
  if (!labels) return;
  for (const node of textNodes(dialog)) {
    const text = node.nodeValue.trim();
    let wanted = null;
    if (text === 'Connection error') wanted = labels.title;
    else if (/not responding|still running|Cannot connect/.test(text)) wanted = labels.message;
    else if (text.startsWith('streamlit run')) wanted = labels.command;
    if (wanted !== null && node.nodeValue !== wanted) node.nodeValue = wanted;
  }
}

function healthUrl() {
  // Below the app's base path (server.baseUrlPath), which Python sends.
  return new URL(shared.health ?? '/_stcore/health', window.location.origin).href;
}

function stopPolling() {
  clearInterval(shared.polling);
  shared.polling = 0;
}

async function poll() {
  // Streamlit found its own session again (a short drop, the same server):
  // its dialog is gone and nothing needs a reload.
  if (!connectionDialog()) {
    stopPolling();
    return;
  }
  try {
    const answer = await fetch(healthUrl(), { cache: 'no-store' });
    if (answer.ok) {
      stopPolling();
      window.location.reload();
    }
  } catch {
    // Still down: try again at the next tick.
  }
}

// The file picker's own words, by their English: [pattern, catalog key].
const UPLOADER_WORDS = [
  [/^Drag and drop (a file|files) here$/, 'drop'],
  [/^Browse files$/, 'browse'],
  [/^Upload$/, 'upload'],
  [/^(\S+) per file( • .*)?$/, 'per_file'],
];

function translateUploaders() {
  const words = shared.uploader;
  if (!words) return;
  for (const zone of document.querySelectorAll('[data-testid="stFileUploaderDropzone"]')) {
    for (const node of textNodes(zone)) {
      const text = node.nodeValue.trim();
      for (const [pattern, key] of UPLOADER_WORDS) {
        const found = pattern.exec(text);
        if (!found || !words[key]) continue;
        const wanted = words[key]
          .replace('{size}', found[1] ?? '')
          .replace('{types}', found[2] ?? '');
        if (node.nodeValue !== wanted) node.nodeValue = wanted;
        break;
      }
    }
  }
}

function check() {
  translateUploaders();
  const dialog = connectionDialog();
  if (!dialog) return;
  translate(dialog);
  if (!shared.polling) shared.polling = setInterval(poll, CHECK_MS);
}

export default function mount(component) {
  // Python sends its data as the one item of a list (see components.py).
  const [data] = component.data ?? [];
  if (data?.labels) shared.labels = data.labels;
  if (data?.health) shared.health = data.health;
  // null in English: Streamlit's own words are the app's there.
  shared.uploader = data?.uploader ?? null;
  translateUploaders();
  if (!shared.observer) {
    shared.observer = new MutationObserver(check);
    // characterData: React writes a rerun's words into the same text nodes.
    shared.observer.observe(document.body, {
      childList: true, subtree: true, characterData: true,
    });
  }
  // Kept for the life of the tab: the dialog comes when no run can draw anything.
  return () => {};
}
