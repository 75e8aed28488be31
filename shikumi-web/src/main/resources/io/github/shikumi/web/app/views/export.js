// Export: the model JSON of the iteration shown, the dataset as bitmap text, and the .xlsx workbook
// (disabled: the spreadsheet module is not part of this build yet).
import { h } from '../fmt.js';

let el;
let app;

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
        h('button', { type: 'button', id: 'export-xlsx', disabled: true, 'aria-describedby': 'export-xlsx-why' }, t('export.xlsx')),
        h('p', { class: 'hint', id: 'export-xlsx-why' }, t('export.xlsxDisabled')))));
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
