// Export: the model JSON of the iteration shown, the dataset as bitmap text, the model as ONNX, and the
// book's .xlsx workbook of the model shown (headings in the page's language).
import { h } from '../fmt.js';
import { lang } from '../i18n.js';
import { stateFile, parseStateFile } from '../share.js';
import * as state from '../state.js';

const PENDING_KEY = 'shikumi.pendingState'; // as app.js reads it after the reload

/** Downloads the state file of the session and the iteration shown. */
async function saveState() {
  const s = app.summary;
  const text = s.data.edited || !s.data.bundled ? await (await fetch(app.s.dataUrl())).text() : null;
  const at = state.read().at === undefined ? null : app.at();
  const blob = new Blob([stateFile(s, app.curve, text, at, 'export')], { type: 'application/json' });
  const a = h('a', { href: URL.createObjectURL(blob), download: `shikumi-state-${s.run.last}.json`, hidden: true });
  document.body.append(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
}

/** Opens a state file: the page reloads and rebuilds the session from it (a fresh session of this tab). */
async function openState(input, error) {
  const file = input.files && input.files[0];
  if (!file) return;
  const text = await file.text();
  if (!parseStateFile(text)) {
    error.textContent = app.t('export.stateBad');
    error.hidden = false;
    return;
  }
  sessionStorage.setItem(PENDING_KEY, text);
  history.replaceState(null, '', `#/export?state=file&lang=${lang()}`);
  location.reload();
}

let el;
let app;

/** The bytes of a file as base64 (in chunks: a spreadsheet is hundreds of kilobytes). */
function base64(buffer) {
  const bytes = new Uint8Array(buffer);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/**
 * Checks the learner's spreadsheet exercise on the server (as shikumi check-xlsx does): every cell against
 * shikumi's numbers, the first wrong ones listed with what they hold, what they should hold, and a hint.
 */
async function checkUpload(input, out) {
  const t = app.t;
  const file = input.files && input.files[0];
  if (!file) return;
  out.replaceChildren(h('p', {}, t('export.checking', { name: file.name })));
  let r;
  try {
    r = await app.s.checkXlsx(file.name, base64(await file.arrayBuffer()));
  } catch (e) {
    out.replaceChildren(h('p', { class: 'bad', id: 'check-verdict' }, e.message));
    return;
  }
  if (r.clean) {
    out.replaceChildren(h('p', { class: 'ok', id: 'check-verdict' }, t('export.checkClean', { name: file.name, n: r.checked })));
    return;
  }
  const wrong = r.cells.filter((c) => !c.missing).slice(0, 10);
  out.replaceChildren(
    h('p', { class: 'bad', id: 'check-verdict' }, t('export.checkSummary', { name: file.name, n: r.checked, wrong: r.wrong, missing: r.missing })),
    wrong.length ? h('ol', { id: 'check-cells' }, wrong.map((c) => h('li', {},
      h('p', {}, h('b', {}, c.address), ' ', c.what),
      h('p', {}, t('export.checkHolds', { holds: c.holds, expected: String(c.expected) })),
      h('p', { class: 'hint' }, c.hint)))) : null);
}

function checker(t) {
  const out = h('div', { id: 'check-result', 'aria-live': 'polite' });
  const input = h('input', { type: 'file', id: 'export-check', accept: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  input.addEventListener('change', () => checkUpload(input, out).catch(() => {}));
  return h('div', {}, h('label', { for: 'export-check' }, t('export.check')), ' ', input,
    h('p', { class: 'hint' }, t('export.checkHint')), out);
}

function stateOpener(t) {
  const error = h('p', { class: 'field-error', id: 'export-open-error', role: 'alert', hidden: true });
  const input = h('input', { type: 'file', id: 'export-open', accept: '.json,application/json' });
  input.addEventListener('change', () => openState(input, error));
  return h('div', {}, h('label', { for: 'export-open' }, t('export.open')), ' ', input, error, h('p', { class: 'hint' }, t('export.openHint')));
}

function render() {
  const t = app.t;
  const k = app.at();
  el.replaceChildren(
    h('h2', { id: 'h-export' }, t('export.title')),
    h('p', { class: 'intro' }, t('export.intro')),
    h('ul', { class: 'exports' },
      h('li', {},
        h('a', { class: 'button primary', id: 'export-model', href: app.s.modelUrl(k), download: '' }, t('export.model', { k })),
        h('p', { class: 'hint' }, t('export.modelHint'))),
      h('li', {},
        h('a', { class: 'button', id: 'export-data', href: app.s.dataUrl(), download: '' }, t('export.data')),
        h('p', { class: 'hint' }, t('export.dataHint'))),
      h('li', {},
        h('a', { class: 'button', id: 'export-onnx', href: app.s.onnxUrl(k), download: '' }, t('export.onnx', { k })),
        h('p', { class: 'hint' }, t('export.onnxHint'))),
      h('li', {},
        h('a', { class: 'button', id: 'export-xlsx', href: app.s.xlsxUrl(k, lang()), download: '' }, t('export.xlsx', { k })),
        h('p', { class: 'hint' }, t('export.xlsxHint'))),
      h('li', {},
        h('button', { type: 'button', class: 'button', id: 'export-state', onclick: saveState }, t('export.state')),
        h('p', { class: 'hint' }, t('export.stateHint'))),
      h('li', {}, stateOpener(t)),
      h('li', {}, checker(t))));
}

export default {
  mount(root, a) {
    el = root;
    app = a;
    app.on('session', () => { if (!el.hidden) render(); });
    app.on('progress', (p) => { if (!el.hidden && !p.running) render(); });
  },
  show() { render(); },
  relabel() { if (!el.hidden) render(); },
};
