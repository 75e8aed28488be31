// Export: the model JSON of the iteration shown, the dataset as bitmap text, and the book's .xlsx
// workbook of the model shown (headings in the page's language).
import { h } from '../fmt.js';
import { lang } from '../i18n.js';

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
        h('a', { class: 'button', id: 'export-xlsx', href: app.s.xlsxUrl(k, lang()), download: '' }, t('export.xlsx', { k })),
        h('p', { class: 'hint' }, t('export.xlsxHint')))));
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
