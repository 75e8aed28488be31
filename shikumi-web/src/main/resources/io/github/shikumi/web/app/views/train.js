// Train: η, iterations, hidden units, seed; Step, Run N, Pause, Reset; live curves of E (linear or log)
// and accuracy from the event stream; a progress bar with the time left and Cancel; the diagram and
// the accuracy per label follow the run.
import { h, num, pct } from '../fmt.js';
import { lineChart } from '../chart.js';
import { diagram } from '../diagram.js';
import { follow } from './common.js';
import * as state from '../state.js';

const PACE = 200; // iterations per second in slow motion

let el;
let app;
let eChart = null;
let accChart = null;
let live = null;
let progressBox = null;
let built = false;

function scale() {
  return state.read().scale === 'lin' ? 'lin' : 'log';
}

function build() {
  const t = app.t;
  const st = state.read();
  const sum = app.summary;
  const field = (id, key, value, attrs) => h('div', { class: 'field' },
    h('label', { for: id }, t(key)), h('input', { id, value: String(value), ...attrs }));
  const eta = field('train-eta', 'train.eta', sum.settings.eta, { type: 'number', step: 'any', min: '0', inputmode: 'decimal' });
  const hidden = field('train-hidden', 'train.hidden', sum.settings.hidden, { type: 'number', min: '1', max: '32', step: '1' });
  const seed = field('train-seed', 'train.seed', sum.settings.seed, { type: 'number', min: '0', step: '1' });
  const iters = field('train-iterations', 'train.iterations', state.int(st.runN, 500), { type: 'number', min: '1', step: '1' });
  const slow = h('input', { type: 'checkbox', id: 'train-slow', checked: st.pace !== '0' });
  slow.addEventListener('change', () => state.update({ pace: slow.checked ? null : '0' }));
  const apply = async () => {
    const e = Number(eta.querySelector('input').value);
    const hd = Number(hidden.querySelector('input').value);
    const sd = Number(seed.querySelector('input').value);
    const body = {};
    if (e !== app.summary.settings.eta) body.eta = e;
    if (hd !== app.summary.settings.hidden) body.hidden = hd;
    if (sd !== app.summary.settings.seed) body.seed = sd;
    if (Object.keys(body).length === 0) return true;
    const r = await app.act(() => app.s.settings(body)).catch(() => null);
    if (!r) return false;
    state.update({ eta: r.settings.eta, hidden: r.settings.hidden, seed: r.settings.seed, n: r.run.last || null, at: null });
    await app.refresh();
    return true;
  };
  [eta, hidden, seed].forEach((f) => f.querySelector('input').addEventListener('change', apply));
  const n = () => Math.max(1, Math.round(Number(iters.querySelector('input').value) || 1));
  iters.querySelector('input').addEventListener('change', () => state.update({ runN: n() === 500 ? null : n() }));
  const button = (id, key, f, cls = '') => h('button', { type: 'button', id, class: cls, onclick: f }, t(key));
  progressBox = h('div', { class: 'progress panel', id: 'train-progress', hidden: true },
    h('progress', { id: 'train-bar', max: '1', value: '0' }),
    h('span', { id: 'train-progress-text', 'aria-live': 'polite' }),
    button('train-cancel', 'train.cancel', () => app.act(() => app.s.cancel())));
  el.replaceChildren(
    h('h2', { id: 'h-train' }, t('train.title')),
    h('p', { class: 'intro' }, t('train.intro')),
    h('div', { class: 'form-grid' }, eta, hidden, seed, iters),
    h('p', { class: 'note' }, t('train.settingsNote')),
    h('div', { class: 'toolbar' },
      button('train-step', 'train.step', async () => {
        if (!(await apply())) return;
        await app.act(() => app.s.step(1));
      }),
      button('train-run', 'train.run', async () => {
        if (!(await apply())) return;
        await app.act(() => app.s.run(n(), slow.checked ? PACE : 0));
        app.summary.run.running = true;
        updateButtons();
      }, 'primary'),
      button('train-pause', 'train.pause', () => app.act(() => app.s.cancel())),
      button('train-reset', 'train.reset', async () => {
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
  eChart = lineChart(el.querySelector('#train-e-chart'), {
    title: t('train.eChart'), log: scale() === 'log', xLabel: t('chart.iteration'),
    series: [{ label: 'E', color: '#c2410c' }, { label: t('chart.branched'), color: '#9ca3af', dash: [6, 4] }],
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
  ['train-eta', 'train-hidden', 'train-seed'].forEach((id) => { el.querySelector(`#${id}`).disabled = running; });
}

function update() {
  if (!built) return;
  const t = app.t;
  const r = app.summary.run;
  eChart.set([app.curve.e, app.curve.branchedE]);
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
