// Time travel: any iteration's parameters can be asked for (the server keeps checkpoints and recomputes exactly), so a slider scrubs iterations 0 … N and every view
// (diagram, one step, results, try it) shows that iteration; "branch from here" continues from
// iteration k with another η, from the same recorded values (the old E curve stays, dashed).
import { h, num, pct } from '../fmt.js';
import { lineChart } from '../chart.js';
import * as state from '../state.js';
import { checkedField } from './common.js';

let el;
let app;
let chart = null;
/** Whether the chart was built with the curve left behind by a branch (its legend only then). */
let branched = false;
let slider;
let readout;

function k() {
  return app.at();
}

function build() {
  const t = app.t;
  const last = app.last();
  slider = h('input', { type: 'range', id: 'travel-slider', min: '0', max: String(last), value: String(k()), step: '1',
    'aria-describedby': 'travel-readout' });
  slider.addEventListener('input', () => state.update({ at: Number(slider.value) === app.last() ? null : Number(slider.value) }));
  readout = h('p', { id: 'travel-readout', class: 'readout', 'aria-live': 'polite' });
  const eta = h('input', { id: 'travel-eta', type: 'number', step: 'any', min: '0', value: String(app.summary.settings.eta), 'aria-describedby': 'travel-eta-error' });
  const more = h('input', { id: 'travel-more', type: 'number', step: '1', min: '1', value: '500', 'aria-describedby': 'travel-more-error' });
  const etaError = h('span', { class: 'field-error', id: 'travel-eta-error', role: 'alert', hidden: true });
  const moreError = h('span', { class: 'field-error', id: 'travel-more-error', role: 'alert', hidden: true });
  const limits = app.limits || {};
  const validEta = () => checkedField(app, eta.parentElement, 'train.eta', { min: 0, max: 100, above: true });
  const validMore = () => checkedField(app, more.parentElement, 'travel.more', { integer: true, min: 0, max: limits.maxRunIterations || 100000 });
  eta.addEventListener('input', validEta);
  more.addEventListener('input', validMore);
  el.replaceChildren(
    h('h2', { id: 'h-travel' }, t('travel.title')),
    h('p', { class: 'intro' }, t('travel.intro')),
    h('div', { class: 'toolbar slider-row' },
      h('label', { for: 'travel-slider' }, t('travel.slider')), slider,
      h('button', { type: 'button', onclick: () => state.update({ at: Math.max(0, k() - 1) }) , 'aria-label': t('travel.prev') }, '−1'),
      h('button', { type: 'button', onclick: () => { const n = k() + 1; state.update({ at: n >= app.last() ? null : n }); }, 'aria-label': t('travel.next') }, '+1'),
      h('button', { type: 'button', onclick: () => state.update({ at: null }) }, t('travel.latest'))),
    readout,
    h('div', { class: 'chart', id: 'travel-chart' }),
    h('section', { class: 'panel' },
      h('h3', {}, t('travel.branchTitle')),
      h('p', {}, t('travel.branchText')),
      h('div', { class: 'form-grid' },
        h('div', { class: 'field' }, h('label', { for: 'travel-eta' }, t('train.eta')), eta, etaError),
        h('div', { class: 'field' }, h('label', { for: 'travel-more' }, t('travel.more')), more, moreError)),
      h('div', { class: 'toolbar' },
        h('button', { type: 'button', id: 'travel-branch', class: 'primary',
          onclick: async () => {
            const at = k();
            const e = validEta();
            const n0 = validMore();
            if (e === null || n0 === null) return; // marked in the page, never sent
            const r = await app.act(() => app.s.branch(at, e));
            if (!r) return;
            state.update({ at: null, eta: r.settings.eta });
            await app.refresh();
            const n = Math.round(Number(more.value));
            if (n > 0) await app.act(() => app.s.run(n, 0));
          } }, t('travel.branch')))),
    h('p', { class: 'note' }, t('travel.note')));
  if (chart) chart.destroy();
  branched = !!app.curve.branchedE;
  chart = lineChart(el.querySelector('#travel-chart'), {
    title: t('travel.chart'), log: true, xLabel: t('chart.iteration'), marker: () => k(),
    series: [{ label: 'E', color: '#c2410c' }].concat(branched ? [{ label: t('chart.branched'), color: '#9ca3af', dash: [6, 4] }] : []),
  });
  update();
}

function update() {
  if (!slider) return;
  const t = app.t;
  slider.max = String(app.last());
  slider.value = String(k());
  const c = app.curve;
  const at = k();
  const eta = c.eta && c.eta[at] !== undefined && c.eta[at] !== null ? num(c.eta[at]) : '–';
  readout.textContent = t('travel.readout', { k: at, last: app.last(), e: num(c.e[at], 5), acc: pct(c.accuracy[at] || 0), eta });
  chart.set(branched ? [c.e, c.branchedE] : [c.e]);
}

export default {
  mount(root, a) {
    el = root;
    app = a;
    app.on('progress', () => { if (!el.hidden) update(); });
    app.on('session', () => { if (!el.hidden) build(); });
  },
  show(a, st, changed) {
    if (changed || !slider) build(); else update();
  },
  relabel() { if (!el.hidden) build(); },
};
