// Inside one step (the book's 誤差逆伝播法 page, interactive): for the selected image, the forward pass,
// δO_k = −(t_k − z_k)·z_k(1 − z_k) and δH_j = (Σ_k δO_k·wO_kj)·h_j(1 − h_j) with the numbers substituted,
// ∂e/∂w = δ·x and ∂e/∂θ = −δ, their sums ∂E over all images, and the update p − η·∂E; beside it,
// each backprop gradient against the numerical one (central differences). A hidden layer with another
// activation (tanh, ReLU, identity) shows its function and its derivative f' as core's role writes them
// (/api/roles), and another update rule (momentum, Adam) its step from its state.
import { h, num, term, exact } from '../fmt.js';
import { imagePicker, selectedImage, follow, sessionData } from './common.js';
import { lang } from '../i18n.js';
import * as state from '../state.js';

let el;
let app;
let seq = 0;

const esc = (x) => String(x).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
/** base with the layer as superscript and the index as subscript: δ^O_1. */
const sym = (base, layer, index) => `${base}<sup>${esc(layer)}</sup><sub>${index}</sub>`;
const line = (html, cls = 'formula') => h('p', { class: cls, html });
/** The role of an activation by its id (symbol, formula and derivative as core writes them). */
const role = (id) => ((app.roles && app.roles.activations) || []).find((a) => a.id === id) || { id, symbol: id, formula: '', derivative: '' };
/** Core's text of a formula with its output z written as the unit's name (h_j). */
const withUnit = (text, unit) => esc(text).replace(/\bz\b/g, unit);

function forward(tr, net) {
  const t = app.t;
  const out = [];
  const layers = net.layers.length;
  tr.layers.forEach((layer, l) => {
    const name = tr.deltas[l].name;
    const inputName = l === 0 ? 'x' : 'h';
    const input = l === 0 ? tr.x : tr.layers[l - 1].z;
    const unit = l === layers - 1 ? 'z' : 'h';
    const act = tr.deltas[l].activation || 'sigmoid';
    const items = [];
    layer.s.forEach((s, j) => {
      const w = net.layers[l].weights[j];
      const theta = net.layers[l].thresholds[j];
      const terms = [];
      let skipped = 0;
      input.forEach((x, i) => {
        if (x === 0) { skipped++; return; }
        terms.push(`${term(w[i])}·${num(x, 3)}`);
      });
      const sumText = terms.length ? terms.join(' + ') : '0';
      items.push(h('li', {},
        line(`${sym('s', name, j + 1)} = Σ<sub>i</sub> ${sym('w', name, `${j + 1}i`)}·${inputName}<sub>i</sub> − ${sym('θ', name, j + 1)}`
          + ` = ${sumText} − ${term(theta)} = <b>${num(s)}</b>`),
        skipped ? h('p', { class: 'hint' }, t('step.skipped', { n: skipped })) : null,
        act === 'sigmoid'
          ? line(`${unit}<sub>${j + 1}</sub> = σ(${sym('s', name, j + 1)}) = 1 / (1 + e<sup>${num(-s)}</sup>) = <b>${num(layer.z[j])}</b>`)
          : line(`${unit}<sub>${j + 1}</sub> = ${esc(role(act).symbol)}(${sym('s', name, j + 1)}) = ${esc(role(act).symbol)}(${num(s)}) = <b>${num(layer.z[j])}</b>`)));
    });
    out.push(h('h4', {}, l === layers - 1 ? t('step.outputLayer') : t('step.hiddenLayer', { name })));
    if (act !== 'sigmoid') out.push(line(esc(role(act).formula), 'formula-head'));
    out.push(h('ol', { class: 'formulas' }, items));
  });
  const z = tr.layers[layers - 1].z;
  const parts = z.map((zk, k) => `(${num(tr.t[k], 1)} − ${num(zk)})²`).join(' + ');
  out.push(line(`e = ½ Σ<sub>k</sub> (t<sub>k</sub> − z<sub>k</sub>)² = ½ [${parts}] = <b>${num(tr.e)}</b>`));
  out.push(h('p', { class: 'hint' }, t('step.targets', { label: tr.label, t: tr.t.join(', ') })));
  return out;
}

function backward(tr, net) {
  const t = app.t;
  const out = [];
  const L = net.layers.length - 1;
  const O = tr.deltas[L].name;
  const z = tr.layers[L].z;
  out.push(h('ol', { class: 'formulas' }, z.map((zk, k) => h('li', {}, line(
    `${sym('δ', O, k + 1)} = −(t<sub>${k + 1}</sub> − z<sub>${k + 1}</sub>)·z<sub>${k + 1}</sub>(1 − z<sub>${k + 1}</sub>)`
    + ` = −(${num(tr.t[k], 1)} − ${num(zk)})·${num(zk)}·(1 − ${num(zk)}) = <b>${num(tr.deltas[L].delta[k])}</b>`)))));
  for (let l = L - 1; l >= 0; l--) {
    const H = tr.deltas[l].name;
    const above = tr.deltas[l + 1];
    const wAbove = net.layers[l + 1].weights;
    const hz = tr.layers[l].z;
    const act = tr.deltas[l].activation || 'sigmoid';
    if (act !== 'sigmoid') {
      // f' written with the unit's output, as core's role has it: 1 − h² for tanh, 1 or 0 for ReLU
      out.push(line(`${esc(role(act).symbol)}′ = ${withUnit(role(act).derivative, 'h')}`, 'formula-head'));
    }
    out.push(h('ol', { class: 'formulas' }, hz.map((hj, j) => {
      const sumTerms = above.delta.map((d, k) => `${term(d)}·${term(wAbove[k][j])}`).join(' + ');
      if (act !== 'sigmoid') {
        const slope = tr.deltas[l].derivative[j];
        return h('li', {}, line(
          `${sym('δ', H, j + 1)} = (Σ<sub>k</sub> ${sym('δ', above.name, 'k')}·${sym('w', above.name, `k${j + 1}`)})·${esc(role(act).symbol)}′(h<sub>${j + 1}</sub>)`
          + ` = (${sumTerms})·${esc(role(act).symbol)}′(${num(hj)}) = (${num(tr.deltas[l].backSum[j])})·${num(slope)} = <b>${num(tr.deltas[l].delta[j])}</b>`));
      }
      return h('li', {}, line(
        `${sym('δ', H, j + 1)} = (Σ<sub>k</sub> ${sym('δ', above.name, 'k')}·${sym('w', above.name, `k${j + 1}`)})·h<sub>${j + 1}</sub>(1 − h<sub>${j + 1}</sub>)`
        + ` = (${sumTerms})·${num(hj)}·(1 − ${num(hj)}) = (${num(tr.deltas[l].backSum[j])})·${num(hj * (1 - hj))} = <b>${num(tr.deltas[l].delta[j])}</b>`));
    })));
  }
  out.push(h('p', { class: 'hint' }, t('step.deltaNote')));
  return out;
}

function gradients(tr, net) {
  const t = app.t;
  const out = [h('p', { class: 'formula-head', html: '∂e/∂w<sub>ji</sub> = δ<sub>j</sub>·x<sub>i</sub>, &nbsp; ∂e/∂θ<sub>j</sub> = −δ<sub>j</sub>' })];
  const L = net.layers.length - 1;
  const O = tr.deltas[L].name;
  const rows = [];
  tr.deltas[L].delta.forEach((d, k) => {
    const hIn = tr.layers[L - 1] ? tr.layers[L - 1].z : tr.x;
    hIn.forEach((x, j) => {
      rows.push(line(`∂e/∂${sym('w', O, `${k + 1}${j + 1}`)} = ${sym('δ', O, k + 1)}·h<sub>${j + 1}</sub> = ${term(d)}·${num(x)} = <b>${num(d * x)}</b>`));
    });
    rows.push(line(`∂e/∂${sym('θ', O, k + 1)} = −${sym('δ', O, k + 1)} = <b>${num(-d)}</b>`));
  });
  out.push(h('details', { open: true }, h('summary', {}, t('step.outputGradients', { name: O })), rows));
  out.push(h('p', { class: 'hint' }, t('step.hiddenGradients')));
  return out;
}

function table(tr) {
  const t = app.t;
  return h('div', { class: 'table-wrap', tabindex: '0', 'aria-label': t('step.tableTitle') },
    h('table', { class: 'numbers', id: 'step-table' },
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, t('step.col.param')),
        h('th', { scope: 'col' }, 'p'),
        h('th', { scope: 'col' }, t('step.col.image')),
        h('th', { scope: 'col' }, t('step.col.total', { n: tr.images })),
        h('th', { scope: 'col', html: tr.optimizer && tr.optimizer !== 'gd'
          ? esc(t('step.col.next', { rule: app.tOr(`role.optimizer.${tr.optimizer}`, tr.optimizer), eta: num(tr.eta) }))
          : `p − η·∂E (η = ${esc(num(tr.eta))})` }))),
      h('tbody', {}, tr.names.map((name, i) => h('tr', {},
        h('th', { scope: 'row' }, name),
        h('td', { title: exact(tr.params[i]) }, num(tr.params[i])),
        h('td', { title: exact(tr.gradImage[i]) }, num(tr.gradImage[i])),
        h('td', { title: exact(tr.gradTotal[i]) }, num(tr.gradTotal[i])),
        h('td', { title: exact(tr.update[i]) }, num(tr.update[i])))))));
}

/** The book's worksheets of this image at this iteration, blank and as the key, to print (shikumi worksheet). */
function worksheets(k, img) {
  const t = app.t;
  const link = (kind, answers) => h('a', {
    class: answers ? 'button' : 'button primary', id: `ws-${kind}${answers ? '-key' : ''}`, target: '_blank', rel: 'noopener',
    href: app.s.worksheetUrl(k, img, kind, answers, lang()),
  }, answers ? t('step.wsKey', { kind: t(`step.ws.${kind}`) }) : t(`step.ws.${kind}`));
  return h('section', { class: 'panel', id: 'step-worksheets' },
    h('h3', {}, t('step.worksheetTitle')),
    h('p', { class: 'hint' }, t('step.worksheetHint')),
    h('div', { class: 'toolbar' }, ['forward', 'backward', 'update', 'all'].map((kind) => link(kind, false))),
    h('div', { class: 'toolbar' }, ['forward', 'backward', 'update', 'all'].map((kind) => link(kind, true))));
}

async function check(k, box) {
  const t = app.t;
  box.replaceChildren(h('p', {}, t('step.checking')));
  try {
    const g = await app.s.gradcheck(k);
    box.replaceChildren(
      h('p', { class: g.passes ? 'ok' : 'bad', id: 'gradcheck-verdict' },
        g.passes ? t('step.checkPass', { rel: num(g.maxRelative, 2), tol: num(g.tolerance, 1) })
          : t('step.checkFail', { rel: num(g.maxRelative, 2), tol: num(g.tolerance, 1) })),
      h('p', { class: 'hint' }, t('step.checkHow', { h: num(g.step, 1) })),
      h('div', { class: 'table-wrap', tabindex: '0', 'aria-label': t('step.checkTitle') },
        h('table', { class: 'numbers', id: 'gradcheck-table' },
          h('thead', {}, h('tr', {},
            h('th', { scope: 'col' }, t('step.col.param')),
            h('th', { scope: 'col' }, t('step.col.backprop')),
            h('th', { scope: 'col' }, t('step.col.numerical')),
            h('th', { scope: 'col' }, t('step.col.rel')))),
          h('tbody', {}, g.names.map((name, i) => h('tr', {},
            h('th', { scope: 'row' }, name),
            h('td', { title: exact(g.backprop[i]) }, num(g.backprop[i], 6)),
            h('td', { title: exact(g.numerical[i]) }, num(g.numerical[i], 6)),
            h('td', {}, num(g.relative[i], 2))))))));
  } catch (e) {
    box.replaceChildren(h('p', { class: 'bad' }, e.message));
  }
}

async function render() {
  const my = ++seq;
  const t = app.t;
  const data = await sessionData(app);
  const img = Math.max(0, selectedImage(app, data.images.length, 0));
  const k = app.at();
  const [tr, net] = await Promise.all([app.act(() => app.s.trace(k, img)), app.act(() => app.s.network(k, -1))]);
  if (my !== seq) return;
  const checkBox = h('div', { id: 'gradcheck' });
  el.replaceChildren(
    h('h2', { id: 'h-step' }, t('step.title')),
    h('p', { class: 'intro' }, t('step.intro')),
    imagePicker(app, data, img, (n) => state.update({ img: n }), { id: 'step-image' }),
    h('p', { class: 'caption' }, t('step.caption', { k, n: img, label: tr.label })),
    h('div', { class: 'columns step' },
      h('div', {},
        h('section', { class: 'panel' }, h('h3', {}, t('step.forward')), forward(tr, net)),
        h('section', { class: 'panel' }, h('h3', {}, t('step.backward')), backward(tr, net)),
        h('section', { class: 'panel' }, h('h3', {}, t('step.gradient')), gradients(tr, net)),
        h('section', { class: 'panel' }, h('h3', {}, t('step.sum')),
          h('p', { html: tr.optimizer && tr.optimizer !== 'gd'
            ? t('step.sumTextRule', { n: tr.images, E: esc(num(tr.E, 6)), eta: esc(num(tr.eta)), rule: esc(app.tOr(`role.optimizer.${tr.optimizer}`, tr.optimizer)) })
            : t('step.sumText', { n: tr.images, E: esc(num(tr.E, 6)), eta: esc(num(tr.eta)) }) }),
          table(tr))),
      h('aside', { class: 'panel side' }, h('h3', {}, t('step.checkTitle')), checkBox)),
    worksheets(k, img));
  check(k, checkBox);
}

export default {
  mount(root, a) {
    el = root;
    app = a;
    follow(app, el, render, 1000);
    app.on('session', () => { if (!el.hidden) render(); });
  },
  show() { render(); },
  relabel() { if (!el.hidden) render(); },
};
