// Conventions: the book's (θ subtracted, E a sum over images) and their equivalents in other tools'
// terms (bias b = −θ; a mean-based learning rate = N·η), computed for this session's N and η; the hidden
// layer's function and the update rule as this session has them (core's roles, /api/roles).
import { h, num } from '../fmt.js';

let el;
let app;

const esc = (x) => String(x).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
const TORCH = { tanh: 'torch.tanh(s)', relu: 'torch.relu(s)', identity: 's' };
const TORCH_RULE = { momentum: 'torch.optim.SGD(…, momentum=0.9)', adam: 'torch.optim.Adam(…)' };

function render() {
  const t = app.t;
  const n = app.summary.data.size;
  const k = app.summary.data.labels.length;
  const eta = app.summary.settings.eta;
  const act = app.summary.settings.activation || 'sigmoid';
  const opt = app.summary.settings.optimizer || 'gd';
  const role = ((app.roles && app.roles.activations) || []).find((a) => a.id === act);
  const row = (book, other, note) => h('tr', {}, h('td', { html: book }), h('td', { html: other }), h('td', {}, note));
  el.replaceChildren(
    h('h2', { id: 'h-conventions' }, t('conv.title')),
    h('p', { class: 'intro' }, t('conv.intro')),
    h('div', { class: 'table-wrap' }, h('table', { class: 'conventions' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('conv.book')), h('th', { scope: 'col' }, t('conv.other')), h('th', { scope: 'col' }, t('conv.note')))),
      h('tbody', {},
        row('s<sub>j</sub> = Σ<sub>i</sub> w<sub>ji</sub>·x<sub>i</sub> − θ<sub>j</sub>', 's<sub>j</sub> = Σ<sub>i</sub> w<sub>ji</sub>·x<sub>i</sub> + b<sub>j</sub>', t('conv.bias')),
        act === 'sigmoid' || !role
          ? row('z = σ(s) = 1 / (1 + e<sup>−s</sup>)', 'sigmoid(s)', t('conv.sigmoid'))
          : row(`h = ${esc(role.formula)}; z = σ(s)`, `${TORCH[act] || `${esc(act)}(s)`}; sigmoid(s)`, t('conv.activation', { f: role.symbol })),
        row('e = ½ Σ<sub>k</sub> (t<sub>k</sub> − z<sub>k</sub>)²', '', t('conv.e')),
        row('E = Σ<sub>n=1…N</sub> e<sub>n</sub>', 'L = E / N', t('conv.sum')),
        opt === 'gd'
          ? row('p ← p − η·∂E/∂p', 'p ← p − λ·∂L/∂p', t('conv.update'))
          : row(esc(app.tOr(`role.optimizer.${opt}`, opt)), TORCH_RULE[opt] || esc(opt), app.tOr(`conv.update.${opt}`, '')),
        row('∂e/∂θ<sub>j</sub> = −δ<sub>j</sub>', '∂e/∂b<sub>j</sub> = +δ<sub>j</sub>', t('conv.thetaGrad'))))),
    h('section', { class: 'panel', id: 'conv-rates' },
      h('h3', {}, t('conv.ratesTitle', { n, eta: num(eta) })),
      h('ul', {},
        h('li', { html: t('conv.rateMean', { n, eta: num(eta), lr: num(n * eta) }) }),
        h('li', { html: t('conv.rateMseSum', { eta: num(eta), lr: num(eta / 2) }) }),
        h('li', { html: t('conv.rateMseMean', { n, k, eta: num(eta), lr: num((eta * n * k) / 2) }) })),
      h('p', { class: 'hint' }, t('conv.bookExample'))));
}

export default {
  mount(root, a) {
    el = root;
    app = a;
    app.on('session', () => { if (!el.hidden) render(); });
  },
  show() { render(); },
  relabel() { if (!el.hidden) render(); },
};
