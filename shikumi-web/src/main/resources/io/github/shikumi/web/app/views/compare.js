// Compare: the book's gradient descent, momentum, Adam, conjugate gradient, the derivative-free Nelder–Mead and
// Solver (conjugate gradient on forward differences, no backpropagation) from the same start, run on the server (shikumi compare); the E curves are
// drawn live from the comparison's event stream, then the table and what it shows. Settings in the URL:
// copt, cdata, chidden, cseed, ceta, cn, czero, cpace.
import { h, num, pct } from '../fmt.js';
import { lineChart } from '../chart.js';
import * as state from '../state.js';
import { checkedField } from './common.js';

/** Every optimiser `compare` knows, as the server lists them (/api/roles), in order. */
let NAMES = ['gd', 'momentum', 'adam', 'cg', 'derivative-free', 'solver'];
/** Ticked when the URL names none (as shikumi compare): Solver's forward differences are slow, so it is asked for. */
let DEFAULT = ['gd', 'momentum', 'cg', 'derivative-free'];
const COLORS = { gd: '#c2410c', momentum: '#6b46c1', adam: '#be185d', cg: '#047857', 'derivative-free': '#1a73e8', solver: '#a16207' };
/** Colours for optimisers the page has none for yet (one the server added since). */
const MORE_COLORS = ['#0e7490', '#4d7c0f', '#9f1239', '#475569'];
const color = (n) => COLORS[n] || MORE_COLORS[Math.max(0, NAMES.indexOf(n)) % MORE_COLORS.length];
const PACE = 500; // iterations per second per optimiser in slow motion

let el;
let app;
let chart = null;
let built = false;
let builtFor = '';
/** Checks every number of the form, marking the bad ones (set when the form is built). */
let valid = () => true;
let events = null;
/** The comparison as streamed: number, state, settings, curves by optimiser, rows. */
let cur = { number: -1, state: 'none', running: false, curves: {}, results: [] };

function label(name) {
  const t = app.t;
  return {
    gd: t('compare.opt.gd'), momentum: t('compare.opt.momentum'), adam: t('compare.opt.adam'), cg: t('compare.opt.cg'),
    'derivative-free': t('compare.opt.df'), solver: t('compare.opt.solver'),
  }[name] || app.tOr(`compare.opt.${name}`, name);
}

function scale() {
  return state.read().scale === 'lin' ? 'lin' : 'log';
}

/** The form's values from the URL, defaulting to the session's settings and the CLI's defaults. */
function settings() {
  const st = state.read();
  const sum = app.summary.settings;
  const opt = (st.copt || DEFAULT.join(',')).split(',').filter((n) => NAMES.includes(n));
  return {
    optimizers: opt.length ? opt : DEFAULT,
    dataset: st.cdata || '',
    hidden: state.int(st.chidden, sum.hidden),
    seed: state.int(st.cseed, sum.seed),
    eta: state.num(st.ceta, sum.eta),
    iterations: state.int(st.cn, 500),
    zeroInit: st.czero === '1',
    slow: st.cpace !== '0',
  };
}

function build() {
  const t = app.t;
  const s = settings();
  // each number checked as it is typed (the field marked, its label in the message); a bad one is never sent
  const field = (id, key, value, attrs, onchange) => h('div', { class: 'field' },
    h('label', { for: id }, t(key)), h('input', { id, value: String(value), onchange, 'aria-describedby': `${id}-error`, ...attrs }),
    h('span', { class: 'field-error', id: `${id}-error`, role: 'alert', hidden: true }));
  const numberChange = (key, fallback, check) => (e) => {
    if (check() === null) return;
    state.update({ [key]: e.target.value === String(fallback) ? null : e.target.value });
  };
  const limits = app.limits || {};
  const fieldChecks = {
    hidden: () => checkedField(app, el.querySelector('#compare-hidden').parentElement, 'train.hidden', { integer: true, min: 1, max: limits.maxHidden || 32 }),
    seed: () => checkedField(app, el.querySelector('#compare-seed').parentElement, 'train.seed', { integer: true, min: 0, max: 2147483647 }),
    eta: () => checkedField(app, el.querySelector('#compare-eta').parentElement, 'compare.eta', { min: 0, max: 100, above: true }),
    iterations: () => checkedField(app, el.querySelector('#compare-iterations').parentElement, 'compare.iterations',
      { integer: true, min: 1, max: limits.maxCompareIterations || 10000 }),
  };
  valid = () => Object.values(fieldChecks).map((c) => c()).every((v) => v !== null);
  const checks = NAMES.map((n) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', id: `compare-opt-${n}`, value: n, checked: s.optimizers.includes(n),
      onchange: () => {
        const chosen = NAMES.filter((x) => el.querySelector(`#compare-opt-${x}`).checked);
        state.update({ copt: chosen.join(',') === DEFAULT.join(',') ? null : chosen.join(',') });
      } }),
    ' ', h('span', { class: 'swatch', style: `background:${color(n)}` }), ' ', h('code', {}, n), ' ', label(n)));
  const data = h('select', { id: 'compare-data', onchange: (e) => state.update({ cdata: e.target.value || null }) },
    h('option', { value: '', selected: s.dataset === '' }, t('compare.sessionData', { name: app.summary.data.name })),
    app.datasets.map((d) => h('option', { value: d.name, selected: s.dataset === d.name }, d.name)));
  el.replaceChildren(
    h('h2', { id: 'h-compare' }, t('compare.title')),
    h('p', { class: 'intro' }, t('compare.intro')),
    h('p', { class: 'note', id: 'compare-from-session' }, t('compare.fromSession', {
      data: app.summary.data.name + (app.summary.data.edited ? t('status.edited') : ''),
      hidden: app.summary.settings.hidden, seed: app.summary.settings.seed, eta: app.summary.settings.eta,
    })),
    h('fieldset', { class: 'panel optimizers' }, h('legend', {}, t('compare.optimizers')), checks),
    h('div', { class: 'form-grid' },
      h('div', { class: 'field' }, h('label', { for: 'compare-data' }, t('compare.data')), data),
      field('compare-hidden', 'train.hidden', s.hidden, { type: 'number', min: '1', max: '32', step: '1', oninput: () => fieldChecks.hidden() },
        numberChange('chidden', app.summary.settings.hidden, () => fieldChecks.hidden())),
      field('compare-seed', 'train.seed', s.seed, { type: 'number', min: '0', step: '1', oninput: () => fieldChecks.seed() },
        numberChange('cseed', app.summary.settings.seed, () => fieldChecks.seed())),
      field('compare-eta', 'compare.eta', s.eta, { type: 'number', min: '0', step: 'any', inputmode: 'decimal', oninput: () => fieldChecks.eta() },
        numberChange('ceta', app.summary.settings.eta, () => fieldChecks.eta())),
      field('compare-iterations', 'compare.iterations', s.iterations, { type: 'number', min: '1', step: '1', oninput: () => fieldChecks.iterations() },
        numberChange('cn', 500, () => fieldChecks.iterations()))),
    h('div', { class: 'toolbar' },
      h('label', { class: 'check' }, h('input', { type: 'checkbox', id: 'compare-zero', checked: s.zeroInit,
        onchange: (e) => state.update({ czero: e.target.checked ? '1' : null }) }), ' ', t('compare.zeroInit')),
      h('label', { class: 'check' }, h('input', { type: 'checkbox', id: 'compare-slow', checked: s.slow,
        onchange: (e) => state.update({ cpace: e.target.checked ? null : '0' }) }), ' ', t('compare.slow', { n: PACE }))),
    h('div', { class: 'toolbar' },
      h('button', { type: 'button', id: 'compare-run', class: 'primary', onclick: run }, t('compare.run')),
      h('button', { type: 'button', id: 'compare-cancel', onclick: () => app.act(() => app.s.compareCancel()) }, t('train.cancel'))),
    h('p', { class: 'readout', id: 'compare-status', 'aria-live': 'polite' }),
    h('div', { class: 'toolbar', role: 'radiogroup', 'aria-label': t('train.scale') },
      h('span', {}, t('train.scale')),
      ['log', 'lin'].map((sc) => h('label', { class: 'check' },
        h('input', { type: 'radio', name: 'compare-scale', id: `compare-scale-${sc}`, value: sc, checked: scale() === sc,
          onchange: () => { state.update({ scale: sc === 'log' ? null : 'lin' }); built = false; render(); } }),
        ' ', t(`train.scale.${sc}`)))),
    h('div', { class: 'chart', id: 'compare-chart' }),
    h('div', { class: 'table-wrap compare-table' }, h('table', { class: 'numbers', id: 'compare-table' })),
    h('p', { class: 'hint' }, t('compare.tableNote')),
    h('section', { class: 'panel', id: 'compare-explain' },
      h('h3', {}, t('compare.explainTitle')),
      h('p', { id: 'compare-summary' }),
      h('ul', {},
        h('li', {}, t('compare.explainGd')),
        h('li', {}, t('compare.explainCg')),
        h('li', {}, t('compare.explainDf')),
        h('li', {}, t('compare.explainSolver')),
        h('li', {}, t('compare.explainZero')))));
  if (chart) chart.destroy();
  chart = lineChart(el.querySelector('#compare-chart'), {
    title: t('compare.chart'), log: scale() === 'log', xLabel: t('chart.iteration'), height: 300,
    series: NAMES.map((n) => ({ label: n, color: color(n), dash: n === 'derivative-free' ? [6, 4] : undefined })),
  });
  built = true;
  builtFor = `${app.s.id} ${app.summary.data.name}`;
}

async function run() {
  if (!valid()) return; // marked in the form: nothing is sent
  const s = settings();
  const body = { optimizers: s.optimizers, hidden: s.hidden, seed: s.seed, eta: s.eta, iterations: s.iterations, zeroInit: s.zeroInit };
  if (s.dataset) body.dataset = s.dataset;
  if (s.slow) body.perSecond = PACE;
  const r = await app.act(() => app.s.compare(body)).catch(() => null);
  // the stream may have told more already (even the end): the answer only starts a comparison not yet seen
  if (r && r.number > cur.number) receive(r);
}

/** Takes a comparison state or event: whole curves (from the API) or only what is new (from the stream). */
function receive(p) {
  if (p.number !== cur.number) {
    cur = { number: p.number, curves: {} };
  }
  for (const c of p.curves || []) {
    const a = (cur.curves[c.optimizer] ||= []);
    a.length = Math.min(a.length, c.from);
    a.push(...c.e);
  }
  Object.assign(cur, {
    state: p.state, running: p.running, current: p.current, settings: p.settings, results: p.results || [],
    startE: p.startE, shape: p.shape, parameters: p.parameters, images: p.images,
  });
  update();
}

function update() {
  if (!built) return;
  const t = app.t;
  const n = cur.settings ? cur.settings.iterations + 1 : 1;
  chart.set(NAMES.map((x) => cur.curves[x] || null), n);
  el.querySelector('#compare-run').disabled = !!cur.running;
  el.querySelector('#compare-cancel').disabled = !cur.running;
  const status = el.querySelector('#compare-status');
  if (cur.running && cur.settings) {
    const name = cur.settings.optimizers[Math.max(0, cur.current)];
    const k = Math.max(0, (cur.curves[name] || []).length - 1);
    status.textContent = t('compare.running', { name, i: Math.max(0, cur.current) + 1, count: cur.settings.optimizers.length, k, n: cur.settings.iterations });
  } else if (cur.settings) {
    status.textContent = t(cur.state === 'cancelled' ? 'compare.cancelled' : cur.state === 'failed' ? 'compare.failed' : 'compare.done');
  } else {
    status.textContent = t('compare.none');
  }
  table();
}

function table() {
  const t = app.t;
  const tbl = el.querySelector('#compare-table');
  const head = h('thead', {}, h('tr', {},
    [t('compare.col.optimizer'), 'E', t('compare.col.accuracy'), t('compare.col.iterations'), t('compare.col.evalE'),
      t('compare.col.evalGrad'), t('compare.col.seconds')].map((c) => h('th', { scope: 'col' }, c))));
  const rows = (cur.settings ? cur.settings.optimizers : []).map((name) => {
    const r = cur.results.find((x) => x.optimizer === name);
    const nameCell = h('th', { scope: 'row', title: label(name) }, h('span', { class: 'swatch', style: `background:${color(name)}` }), ' ', h('code', {}, name));
    if (!r) {
      const pending = cur.running ? (cur.settings.optimizers[cur.current] === name ? t('compare.runningCell') : t('compare.waiting')) : '–';
      return h('tr', { dataset: { optimizer: name } }, nameCell, h('td', { colspan: '6', class: 'pending' }, pending));
    }
    return h('tr', { dataset: { optimizer: name } }, nameCell,
      r.diverged !== null && r.diverged !== undefined
        ? h('td', { class: 'diverged-cell', title: t('compare.divergedTitle', { k: r.diverged }) }, t('compare.diverged', { k: r.diverged }))
        : h('td', { title: String(r.E) }, num(r.E, 5)),
      h('td', {}, r.diverged !== null && r.diverged !== undefined ? '–' : pct(r.accuracy)),
      h('td', {}, String(r.iterations) + (r.cancelled ? ` ${t('compare.stopped')}` : '')),
      h('td', {}, String(r.evaluations.objective)),
      h('td', {}, String(r.evaluations.gradient)),
      h('td', {}, r.seconds.toFixed(3)));
  });
  tbl.replaceChildren(
    h('caption', {}, cur.settings ? t('compare.caption', {
      data: cur.settings.dataset, images: cur.images, shape: cur.shape, params: cur.parameters,
      start: cur.settings.zeroInit ? t('compare.fromZero') : t('compare.fromSeed', { seed: cur.settings.seed }),
      e0: num(cur.startE, 5), eta: num(cur.settings.eta),
    }) : t('compare.none')),
    head, h('tbody', {}, rows));
  const summary = el.querySelector('#compare-summary');
  const done = cur.results.filter((r) => !r.cancelled && (r.diverged === null || r.diverged === undefined));
  if (done.length > 1) {
    const best = done.reduce((a, b) => (b.E < a.E ? b : a));
    summary.textContent = t('compare.summary', { e0: num(cur.startE, 5), best: best.optimizer, e: num(best.E, 5), evals: best.evaluations.objective });
  } else {
    summary.textContent = '';
  }
}

function openEvents() {
  if (events) return;
  cur = { number: -1, curves: {}, results: [] };
  events = new EventSource(app.s.compareEventsUrl());
  events.addEventListener('compare', (ev) => receive(JSON.parse(ev.data)));
  events.onerror = () => { /* the browser reconnects by itself */ };
}

function closeEvents() {
  if (events) {
    events.close();
    events = null;
  }
}

function render() {
  if (!built) build();
  openEvents();
  update();
}

export default {
  mount(root, a) {
    el = root;
    app = a;
    if (a.roles && a.roles.compare) {
      NAMES = a.roles.compare.names;
      DEFAULT = a.roles.compare.default;
    }
    // the stream is open only while the view is shown (a tab keeps few connections to the server)
    state.onChange((st) => { if (st.view !== 'compare') closeEvents(); });
    window.addEventListener('pagehide', closeEvents);
    window.addEventListener('pageshow', (e) => { if (e.persisted && !el.hidden) openEvents(); });
    app.on('session', () => {
      // a new session (or other data) changes the form's choices; other refreshes leave the form alone
      if (builtFor === `${app.s.id} ${app.summary.data.name}`) return;
      closeEvents();
      built = false;
      if (!el.hidden) render();
    });
  },
  show(a, st, changed) {
    if (changed || !built) { built = false; render(); } else { update(); }
  },
  relabel() { built = false; if (!el.hidden) render(); },
};
