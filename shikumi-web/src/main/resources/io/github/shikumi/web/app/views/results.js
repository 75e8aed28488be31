// Results: every image before training and at the iteration shown (outputs as bars, predicted label,
// correct or not), the confusion matrix, and the accuracy on the training set and on aple-test.
import { h, pct } from '../fmt.js';
import { outputBars } from '../bars.js';
import { thumbnail, rowsText } from '../grid.js';
import { follow, sessionData } from './common.js';
import * as state from '../state.js';

let el;
let app;
let seq = 0;

function confusion(t, labels, matrix, id) {
  return h('table', { class: 'confusion', id },
    h('caption', {}, t('results.confusionCaption')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('results.trueLabel')),
      labels.map((l) => h('th', { scope: 'col' }, l)))),
    h('tbody', {}, labels.map((l, a) => h('tr', {}, h('th', { scope: 'row' }, l),
      matrix[a].map((c, p) => h('td', { class: c === 0 ? 'zero' : a === p ? 'diag' : 'off' }, String(c)))))));
}

function verdict(t, row) {
  return h('span', { class: row.correct ? 'ok' : 'bad' },
    `${row.correct ? '✓' : '✗'} ${t('results.predicted', { label: row.predicted })}`);
}

/** The test images the network classifies wrongly at the iteration shown, drawn with what it read. */
function testWrong(t, res, data) {
  const name = res.test.after.name;
  const wrong = res.test.after.predictions.map((p, n) => ({ ...p, n })).filter((p) => !p.correct);
  if (wrong.length === 0) return h('p', { id: 'results-test-wrong' }, t('results.testNoneWrong', { name }));
  return h('div', { id: 'results-test-wrong' }, h('h4', {}, t('results.testWrong', { name, n: wrong.length })),
    h('ul', { class: 'wrong-list' }, wrong.map((p) => h('li', {},
      res.test.images ? thumbnail(res.test.images[p.n], data.height, data.width, 5) : null,
      ` ${t('results.testItem', { n: p.n, label: p.label, predicted: p.predicted })}`))));
}

async function render() {
  const my = ++seq;
  const t = app.t;
  const k = app.at();
  const [res, data] = await Promise.all([app.act(() => app.s.results(k)), sessionData(app)]);
  if (my !== seq) return;
  const onlyWrong = state.read().wrong === '1';
  const cards = [];
  res.after.predictions.forEach((after, n) => {
    const before = res.before.predictions[n];
    if (onlyWrong && after.correct) return;
    const target = res.labels.indexOf(after.label);
    cards.push(h('li', { class: 'result-card' },
      h('div', { class: 'result-image', 'aria-label': t('data.imageAria', { n, label: after.label, rows: rowsText(data.images[n].pixels, data.width) }) },
        thumbnail(data.images[n].pixels, data.height, data.width, data.width > 12 ? 2 : 5),
        h('span', {}, `${n} · ${after.label}`)),
      h('div', {}, h('p', { class: 'small' }, t('results.before')), outputBars(res.labels, before.outputs, { target, compact: true }), verdict(t, before)),
      h('div', {}, h('p', { class: 'small' }, t('results.after', { k })), outputBars(res.labels, after.outputs, { target, compact: true }), verdict(t, after))));
  });
  const acc = (part) => t('results.accuracy', { acc: pct(part.accuracy), ok: part.correct, n: part.size });
  el.replaceChildren(
    h('h2', { id: 'h-results' }, t('results.title')),
    h('p', { class: 'intro' }, t('results.intro')),
    h('div', { class: 'columns results' },
      h('section', { class: 'panel' },
        h('h3', {}, t('results.training', { name: res.after.name })),
        h('p', { id: 'results-train-before' }, t('results.beforeLine'), ' ', acc(res.before)),
        h('p', { id: 'results-train-after' }, t('results.afterLine', { k }), ' ', h('b', {}, acc(res.after))),
        res.test ? [
          h('h3', {}, t('results.test', { name: res.test.after.name })),
          h('p', { id: 'results-test-before' }, t('results.beforeLine'), ' ', acc(res.test.before)),
          h('p', { id: 'results-test-after' }, t('results.afterLine', { k }), ' ', h('b', {}, acc(res.test.after))),
          testWrong(t, res, data),
        ] : h('p', { class: 'note' }, t('results.noTest'))),
      h('section', { class: 'panel' }, confusion(t, res.labels, res.after.confusion, 'confusion'))),
    h('label', { class: 'check' },
      h('input', { type: 'checkbox', id: 'results-wrong', checked: onlyWrong,
        onchange: (e) => state.update({ wrong: e.target.checked ? '1' : null }) }),
      ' ', t('results.onlyWrong')),
    cards.length ? h('ul', { class: 'result-grid', id: 'result-grid' }, cards) : h('p', {}, t('results.noneWrong')));
}

export default {
  mount(root, a) {
    el = root;
    app = a;
    follow(app, el, render, 800);
    app.on('session', () => { if (!el.hidden) render(); });
  },
  show() { render(); },
  relabel() { if (!el.hidden) render(); },
};
