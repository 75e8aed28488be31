// Train: η, iterations, hidden units, seed, the hidden layer's activation and the update rule (the roles, as
// /api/roles lists them from core); Step, Run N, Pause, Reset; live curves of E (linear or log)
// and accuracy from the event stream; a progress bar with the time left and Cancel; the diagram and
// the accuracy per label follow the run.
import { h, num, pct } from '../fmt.js';
import { lineChart } from '../chart.js';
import { diagram } from '../diagram.js';
import { follow, checkedField } from './common.js';
import * as state from '../state.js';

const PACE = 200; // iterations per second in slow motion

let el;
let app;
let eChart = null;
let accChart = null;
let live = null;
let progressBox = null;
let built = false;
/** The target of a paused run: Resume trains on to exactly it. Cancel (and any other action) forgets it. */
let pausedTarget = null;
let branched = false;

/** The field's value when it is valid, else null with the field marked (see checkedField). */
function checked(field, labelKey, opts) {
  return checkedField(app, field, labelKey, opts);
}

function scale() {
  return state.read().scale === 'lin' ? 'lin' : 'log';
}

function build() {
  const t = app.t;
  const st = state.read();
  const sum = app.summary;
  const field = (id, key, value, attrs) => h('div', { class: 'field' },
    h('label', { for: id }, t(key)), h('input', { id, value: String(value), 'aria-describedby': `${id}-error`, ...attrs }),
    h('span', { class: 'field-error', id: `${id}-error`, role: 'alert', hidden: true }));
  const limits = app.limits || {};
  const eta = field('train-eta', 'train.eta', sum.settings.eta, { type: 'number', step: 'any', min: '0', inputmode: 'decimal' });
  const hidden = field('train-hidden', 'train.hidden', sum.settings.hidden, { type: 'number', min: '1', max: '32', step: '1' });
  const seed = field('train-seed', 'train.seed', sum.settings.seed, { type: 'number', min: '0', step: '1' });
  const iters = field('train-iterations', 'train.iterations', state.int(st.runN, 500), { type: 'number', min: '1', step: '1' });
  const roles = app.roles || { activations: [], optimizers: [] };
  // each choice in the page's words, or by its own name when the page has none for it (a role core added since)
  const select = (id, key, options, value) => h('div', { class: 'field' },
    h('label', { for: id }, t(key)),
    h('select', { id }, options.map(([o, name]) => h('option', { value: o, selected: o === value }, app.tOr(`${key}.${o}`, name)))));
  const activation = select('train-activation', 'train.activation', roles.activations.map((a) => [a.id, a.symbol]), sum.settings.activation);
  const optimizer = select('train-optimizer', 'train.optimizer', roles.optimizers.map((o) => [o.name, o.name]), sum.settings.optimizer);
  const chosen = (f) => f.querySelector('select').value;
  const slow = h('input', { type: 'checkbox', id: 'train-slow', checked: st.pace !== '0' });
  slow.addEventListener('change', () => state.update({ pace: slow.checked ? null : '0' }));
  const valid = {
    eta: () => checked(eta, 'train.eta', { min: 0, max: 100, above: true }),
    hidden: () => checked(hidden, 'train.hidden', { integer: true, min: 1, max: limits.maxHidden || 32 }),
    seed: () => checked(seed, 'train.seed', { integer: true, min: 0, max: 2147483647 }),
    iters: () => checked(iters, 'train.iterations', { integer: true, min: 1, max: limits.maxRunIterations || 100000 }),
  };
  const apply = async () => {
    const e = valid.eta();
    const hd = valid.hidden();
    const sd = valid.seed();
    if (e === null || hd === null || sd === null) return false;
    const body = {};
    if (e !== app.summary.settings.eta) body.eta = e;
    if (hd !== app.summary.settings.hidden) body.hidden = hd;
    if (sd !== app.summary.settings.seed) body.seed = sd;
    if (chosen(activation) !== app.summary.settings.activation) body.activation = chosen(activation);
    if (chosen(optimizer) !== app.summary.settings.optimizer) body.optimizer = chosen(optimizer);
    if (Object.keys(body).length === 0) return true;
    const restarts = ['hidden', 'seed', 'activation', 'optimizer'].some((k) => body[k] !== undefined);
    if (restarts && app.last() > 0 && !window.confirm(t('train.confirmDiscard', { k: app.last() }))) {
      hidden.querySelector('input').value = String(app.summary.settings.hidden);
      seed.querySelector('input').value = String(app.summary.settings.seed);
      activation.querySelector('select').value = app.summary.settings.activation;
      optimizer.querySelector('select').value = app.summary.settings.optimizer;
      return false;
    }
    pausedTarget = null;
    const r = await app.act(() => app.s.settings(body)).catch(() => null);
    if (!r) return false;
    state.update({
      eta: r.settings.eta, hidden: r.settings.hidden, seed: r.settings.seed, n: r.run.last || null, at: null,
      act: r.settings.activation === 'sigmoid' ? null : r.settings.activation,
      opt: r.settings.optimizer === 'gd' ? null : r.settings.optimizer,
    });
    await app.refresh();
    return true;
  };
  [eta, hidden, seed].forEach((f) => f.querySelector('input').addEventListener('change', () => apply().catch(() => {})));
  [activation, optimizer].forEach((f) => f.querySelector('select').addEventListener('change', () => apply().catch(() => {})));
  eta.querySelector('input').addEventListener('input', valid.eta);
  hidden.querySelector('input').addEventListener('input', valid.hidden);
  seed.querySelector('input').addEventListener('input', valid.seed);
  iters.querySelector('input').addEventListener('input', valid.iters);
  const n = () => valid.iters();
  iters.querySelector('input').addEventListener('change', () => { const v = n(); if (v !== null) state.update({ runN: v === 500 ? null : v }); });
  // a refusal is shown by app.act as one line; it never reaches the console as an uncaught error
  const button = (id, key, f, cls = '') => h('button', {
    type: 'button', id, class: cls, onclick: () => Promise.resolve().then(f).catch(() => {}),
  }, t(key));
  progressBox = h('div', { class: 'progress panel', id: 'train-progress', hidden: true },
    h('progress', { id: 'train-bar', max: '1', value: '0' }),
    h('span', { id: 'train-progress-text', 'aria-live': 'polite' }),
    button('train-cancel', 'train.cancel', () => { pausedTarget = null; return app.act(() => app.s.cancel()); }));
  el.replaceChildren(
    h('h2', { id: 'h-train' }, t('train.title')),
    h('p', { class: 'intro' }, t('train.intro')),
    h('div', { class: 'form-grid' }, eta, hidden, seed, iters, activation, optimizer),
    h('p', { class: 'note' }, t('train.settingsNote')),
    h('div', { class: 'toolbar' },
      button('train-step', 'train.step', async () => {
        if (!(await apply())) return;
        pausedTarget = null;
        await app.act(() => app.s.step(1));
      }),
      button('train-run', 'train.run', async () => {
        const count = n();
        if (count === null || !(await apply())) return;
        pausedTarget = null;
        await app.act(() => app.s.run(count, slow.checked ? PACE : 0));
        app.summary.run.running = true;
        updateButtons();
      }, 'primary'),
      button('train-pause', 'train.pause', () => {
        pausedTarget = app.summary.run.target; // Resume goes on to exactly this iteration
        return app.act(() => app.s.cancel());
      }),
      button('train-resume', 'train.resume', async () => {
        const left = pausedTarget - app.last();
        pausedTarget = null;
        if (left > 0) {
          await app.act(() => app.s.run(left, slow.checked ? PACE : 0));
          app.summary.run.running = true;
        }
        updateButtons();
      }),
      button('train-reset', 'train.reset', async () => {
        pausedTarget = null;
        await app.act(() => app.s.reset());
        state.update({ n: null, at: null });
        await app.refresh();
      }),
      h('label', { class: 'check', for: 'train-slow' }, slow, ' ', t('train.slow', { n: PACE }))),
    progressBox,
    h('p', { class: 'diverged panel', id: 'train-diverged', role: 'alert', hidden: true }),
    h('div', { class: 'readout', id: 'train-readout', 'aria-live': 'polite' }),
    h('div', { class: 'toolbar', role: 'radiogroup', 'aria-label': t('train.scale') },
      h('span', {}, t('train.scale')),
      ['log', 'lin'].map((sc) => h('label', { class: 'check' },
        h('input', { type: 'radio', name: 'train-scale', id: `train-scale-${sc}`, value: sc, checked: scale() === sc,
          onchange: () => { state.update({ scale: sc === 'log' ? null : 'lin' }); built = false; render(); } }),
        ' ', t(`train.scale.${sc}`)))),
    h('div', { class: 'charts' },
      h('div', { class: 'chart', id: 'train-e-chart' }),
      h('div', { class: 'chart', id: 'train-acc-chart' })),
    h('section', { class: 'panel' }, h('h3', {}, t('train.liveTitle')), live = h('div', { class: 'live' })));
  if (eChart) eChart.destroy();
  if (accChart) accChart.destroy();
  branched = !!app.curve.branchedE; // the "before branching" curve and its legend only after a branch
  eChart = lineChart(el.querySelector('#train-e-chart'), {
    title: t('train.eChart'), log: scale() === 'log', xLabel: t('chart.iteration'),
    series: [{ label: 'E', color: '#c2410c' }].concat(branched ? [{ label: t('chart.branched'), color: '#9ca3af', dash: [6, 4] }] : []),
  });
  accChart = lineChart(el.querySelector('#train-acc-chart'), {
    title: t('train.accChart'), percent: true, xLabel: t('chart.iteration'),
    series: [{ label: t('chart.accuracy'), color: '#047857' }],
  });
  built = true;
}

function updateButtons() {
  if (!built) return;
  const running = app.running();
  el.querySelector('#train-step').disabled = running;
  el.querySelector('#train-run').disabled = running;
  el.querySelector('#train-reset').disabled = running;
  el.querySelector('#train-pause').disabled = !running;
  el.querySelector('#train-pause').hidden = !running && pausedTarget !== null;
  const resume = el.querySelector('#train-resume');
  resume.hidden = running || pausedTarget === null || pausedTarget <= app.last();
  if (!resume.hidden) resume.textContent = app.t('train.resumeTo', { target: pausedTarget });
  ['train-eta', 'train-hidden', 'train-seed', 'train-activation', 'train-optimizer'].forEach((id) => { el.querySelector(`#${id}`).disabled = running; });
}

function update() {
  if (!built) return;
  const t = app.t;
  const r = app.summary.run;
  eChart.set(branched ? [app.curve.e, app.curve.branchedE] : [app.curve.e]);
  accChart.set([app.curve.accuracy]);
  el.querySelector('#train-readout').textContent = t('train.readout', {
    k: r.last, e: num(r.e, 5), acc: pct(r.accuracy), e0: num(app.curve.e[0], 5),
  });
  // a run whose E or parameters became NaN or infinite stopped before that iteration, which is not kept
  const diverged = el.querySelector('#train-diverged');
  diverged.hidden = r.diverged === null || r.diverged === undefined;
  diverged.textContent = diverged.hidden ? '' : t('train.diverged', { k: r.diverged, last: r.last, eta: app.summary.settings.eta });
  progressBox.hidden = !r.running;
  if (r.running) {
    const bar = el.querySelector('#train-bar');
    bar.max = String(Math.max(1, r.target - r.start));
    bar.value = String(r.last - r.start);
    el.querySelector('#train-progress-text').textContent = t('train.progress', {
      k: r.last, target: r.target, secs: Math.ceil(r.etaSeconds || 0),
    });
  }
  updateButtons();
}

async function updateLive() {
  if (!built || !live) return;
  const t = app.t;
  const k = app.last();
  const [net, res] = await Promise.all([app.s.network(k, -1), app.s.results(k)]);
  const after = res.after;
  const perLabel = res.labels.map((label, a) => {
    const row = after.confusion[a];
    const total = row.reduce((x, y) => x + y, 0);
    return h('li', {}, t('train.perLabel', { label, ok: row[a], n: total }));
  });
  live.replaceChildren(
    h('div', { class: 'live-diagram' }, diagram(net, t, () => {}, { compact: true })),
    h('div', {},
      h('p', {}, t('train.liveAccuracy', { k, acc: pct(after.accuracy), ok: after.correct, n: after.size })),
      h('ul', { class: 'per-label' }, perLabel),
      res.test ? h('p', {}, t('train.liveTest', { name: res.test.after.name, acc: pct(res.test.after.accuracy) })) : null));
}

function render() {
  if (!built) build();
  update();
  updateLive();
}

export default {
  mount(root, a) {
    el = root;
    app = a;
    app.on('progress', () => { if (!el.hidden) update(); });
    app.on('session', () => { if (!el.hidden) { built = false; render(); } else { built = false; } });
    follow(app, el, updateLive, 500);
  },
  show(a, st, changed) {
    if (changed || !built) { built = false; render(); } else { update(); }
  },
  relabel() { built = false; if (!el.hidden) render(); },
};
