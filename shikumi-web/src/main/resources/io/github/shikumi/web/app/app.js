// The page: language, URL state, this tab's session, its event stream, and the views.
import * as i18n from './i18n.js';
import * as state from './state.js';
import { api, sessionApi, ApiError } from './api.js';
import { h, num, pct } from './fmt.js';
import { segments, formatRuns, parseRuns, encodeData, decodeData, parseStateFile } from './share.js';
import { sessionData } from './views/common.js';

/** The views by id, in the registry's order (views.json: the one list of them), loaded by loadViews. */
const VIEWS = {};
/** Views that show one iteration of the run: the time bar is shown with them. */
const TIMED = new Set();
/** Views made for the book's small bitmap networks: with large image data offered, they say so. */
const BITMAP_ONLY = new Set();
/** The course's screens: the workbench's tabs and status line give way to the lesson. */
const COURSE = new Set();
/** Views of the large image data: their tabs are shown only when the server has such data. */
const IMAGE_DATA = new Set();

/**
 * Reads the registry of views and builds from it what the page has of each: its code, its tab in the
 * navigation (text nav.ID) and its section (view-ID, headed by h-ID); the URL takes its ids as view names.
 */
async function loadViews() {
  const list = (await (await fetch('views.json')).json()).views;
  const modules = await Promise.all(list.map((v) => import(`./${v.module}`)));
  const nav = document.getElementById('nav-views');
  const main = document.getElementById('main');
  list.forEach((v, i) => {
    VIEWS[v.id] = modules[i][v.export || 'default'];
    if (v.timed) TIMED.add(v.id);
    if (v.bitmapOnly) BITMAP_ONLY.add(v.id);
    if (v.course) COURSE.add(v.id);
    if (v.imageData) IMAGE_DATA.add(v.id);
    if (v.tab !== false) {
      nav.append(h('li', { hidden: v.imageData ? true : null, dataset: v.imageData ? { imageData: 'true' } : null },
        h('a', { href: `#/${v.id}`, 'data-nav': v.id, 'data-i18n': `nav.${v.id}` }, v.id)));
    }
    main.append(h('section', { id: `view-${v.id}`, class: v.course ? 'view course-view' : 'view', 'aria-labelledby': `h-${v.id}`, hidden: true }));
  });
  state.setViews(list.map((v) => v.id));
}
const SESSION_KEY = 'shikumi.session';
/** The runs= and d= this tab's session was built from or last wrote (a reload reuses the session). */
const RECIPE_KEY = 'shikumi.recipe';
/** A state file the learner opened (Export view), kept across the reload that rebuilds the session from it. */
export const PENDING_KEY = 'shikumi.pendingState';

const listeners = {};

/** What every view reads: the session's API, its summary, the curve, and the iteration shown. */
export const app = {
  s: null,
  summary: null,
  datasets: [],
  curve: { e: [], accuracy: [], eta: [], branchedE: null },
  view: null,
  t: i18n.t,
  tOr: i18n.tOr,
  on(event, f) { (listeners[event] ||= []).push(f); },
  emit(event, arg) { (listeners[event] || []).forEach((f) => f(arg)); },
  /** The last recorded iteration. */
  last() { return this.summary ? this.summary.run.last : 0; },
  running() { return !!(this.summary && this.summary.run.running); },
  /** The iteration the timed views show: ?at= when set and recorded, else the last. */
  at() {
    const at = state.int(state.read().at, -1);
    return at >= 0 && at <= this.last() ? at : this.last();
  },
  /** Runs an API action; a refusal is shown as one line, and a lost session is recreated. */
  async act(f) {
    try {
      return await f();
    } catch (e) {
      if (e instanceof ApiError && e.status === 404 && String(e.message).includes('"')) {
        toast(e.message);
        sessionStorage.removeItem(SESSION_KEY);
        await startSession(state.read());
        return undefined;
      }
      toast(e.message);
      throw e;
    }
  },
  async refresh() {
    [this.summary, this.curve] = await Promise.all([this.s.summary(), this.s.curve(0)]);
    await syncLink();
    updateStatus();
    this.emit('session');
  },
};

function toast(message) {
  const el = document.getElementById('toast');
  el.textContent = message;
  el.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { el.hidden = true; }, 6000);
}
app.toast = toast;

// ---- session --------------------------------------------------------------------------------------

const recipeOf = (st) => `${st.d || ''}|${st.runs || ''}|${st.was || ''}|${st.br || ''}|${st.act || ''}|${st.opt || ''}`;

/**
 * Writes into the URL what a share link needs to rebuild this session bit for bit: the run as segments
 * of equal η (runs=, when one η does not say it all) and edited or uploaded data (d=, when small enough).
 */
async function syncLink() {
  const s = app.summary;
  if (!s || s.run.running) return;
  const segs = segments(app.curve.eta || [], s.run.last);
  // after a branch the link holds the run left behind too (was=, br=): the page rebuilds it, then branches
  const br = Number.isInteger(app.curve.branchedAt) ? app.curve.branchedAt : null;
  const was = br !== null && app.curve.branchedEta ? formatRuns(segments(app.curve.branchedEta, app.curve.branchedEta.length - 1)) : null;
  const runs = was || segs.length > 1 || (segs.length === 1 && segs[0].eta !== s.settings.eta) ? formatRuns(segs) : null;
  let d = null;
  if (s.data.edited || !s.data.bundled) {
    try {
      d = encodeData(await sessionData(app), s.data.bundled && s.data.edited);
    } catch (e) {
      d = null; // not bitmap data: the link keeps the settings only
    }
  }
  state.update({
    runs, d, was, br: was ? br : null, n: s.run.last || null, eta: s.settings.eta === 0.05 && !state.read().eta ? null : s.settings.eta,
    act: s.settings.activation === 'sigmoid' ? null : s.settings.activation,
    opt: s.settings.optimizer === 'gd' ? null : s.settings.optimizer,
  });
  sessionStorage.setItem(RECIPE_KEY, recipeOf(state.read()));
}

function settingsFromUrl(st) {
  return {
    dataset: st.data || 'aple',
    eta: state.num(st.eta, 0.05),
    hidden: state.int(st.hidden, 3),
    seed: state.int(st.seed, 1),
    activation: st.act || 'sigmoid', // the hidden layer's function (act=, absent for the book's σ)
    optimizer: st.opt || 'gd', // the update rule (opt=, absent for the book's gradient descent)
  };
}

function matches(summary, want) {
  return summary.data.name === want.dataset && summary.settings.eta === want.eta
    && summary.settings.hidden === want.hidden && summary.settings.seed === want.seed
    && summary.settings.activation === want.activation && summary.settings.optimizer === want.optimizer;
}

async function startSession(st) {
  const want = settingsFromUrl(st);
  const pending = st.state === 'file' ? parseStateFile(sessionStorage.getItem(PENDING_KEY) || '') : null;
  sessionStorage.removeItem(PENDING_KEY);
  const stored = st.state === 'file' ? null : sessionStorage.getItem(SESSION_KEY);
  if (stored) {
    try {
      const s = sessionApi(stored);
      const summary = await s.summary();
      const linked = st.d || st.runs || st.was;
      if (linked ? sessionStorage.getItem(RECIPE_KEY) === recipeOf(st) : (matches(summary, want) || !st.data)) {
        app.s = s;
        await app.refresh();
        openEvents();
        return;
      }
    } catch (e) {
      // forgotten by the server: make a new one below
    }
  }
  if (pending) {
    // a state file: its settings, data and runs instead of the URL's
    Object.assign(want, {
      dataset: pending.data.name, eta: pending.settings.eta, hidden: pending.settings.hidden, seed: pending.settings.seed,
      activation: pending.settings.activation || 'sigmoid', optimizer: pending.settings.optimizer || 'gd',
    });
  }
  const runs = parseRuns(pending ? pending.runs : st.runs);
  const text = pending ? pending.data.text : st.d ? decodeData(st.d) : null;
  const body = { ...want, eta: runs ? runs[0].eta : want.eta };
  if (text) {
    body.text = text; // the link's data: an edited copy of data=NAME (d=2…) or an upload (d=1…)
    body.name = want.dataset;
    if (pending ? pending.data.bundled && pending.data.edited : st.d[0] === '2') body.edited = true;
  }
  let created;
  try {
    created = await api.post('/api/sessions', body);
  } catch (e) {
    toast(e.message);
    created = await api.post('/api/sessions', {});
  }
  sessionStorage.setItem(SESSION_KEY, created.id);
  sessionStorage.setItem(RECIPE_KEY, recipeOf(st));
  app.s = sessionApi(created.id);
  try {
    const was = parseRuns(pending ? pending.was : st.was);
    const br = state.int(pending ? pending.br : st.br, -1);
    await replay(pending ? { eta: String(pending.settings.eta) } : st, runs, created, was && br >= 0 ? { was, at: br } : null);
  } catch (e) {
    toast(e.message);
  }
  if (pending) {
    state.update({ state: null, at: Number.isInteger(pending.at) && pending.at < (runs ? runs.reduce((a, r) => a + r.n, 0) : 0) ? pending.at : null, data: pending.data.name });
  } else if (st.state === 'file') {
    state.update({ state: null });
    toast(app.t('export.stateBad'));
  }
  await app.refresh();
  openEvents();
}

/** The segments after the first k iterations of segs (a segment cut where k falls inside it). */
function after(segs, k) {
  const out = [];
  let done = 0;
  for (const seg of segs) {
    const skip = Math.min(seg.n, Math.max(0, k - done));
    if (seg.n > skip) out.push({ n: seg.n - skip, eta: seg.eta });
    done += seg.n;
  }
  return out;
}

/**
 * Trains as far as the link says: each segment with its η (runs=), or n= iterations; then the link's η. After
 * a branch (was=, br=): first the run left behind, then a branch at br, then the rest of runs=, so that the
 * curve before branching is there again, every value the same.
 */
async function replay(st, runs, created, branched) {
  if (runs) {
    let eta = runs[0].eta;
    const train = async (segs) => {
      for (const seg of segs) {
        if (seg.eta !== eta) await app.s.settings({ eta: seg.eta });
        eta = seg.eta;
        await app.s.run(seg.n);
        await waitIdle();
      }
    };
    if (branched) {
      await train(branched.was);
      const rest = after(runs, branched.at);
      if (rest.length) {
        await app.s.branch(branched.at, rest[0].eta);
        eta = rest[0].eta;
        await train(rest);
      }
    } else {
      await train(runs);
    }
    const finalEta = state.num(st.eta, eta);
    if (finalEta !== eta) await app.s.settings({ eta: finalEta });
    return;
  }
  const n = state.int(st.n, 0);
  if (n > 0 && n <= created.run.maxIterations) {
    await app.s.run(n); // a linked state: train as far as the link says
    await waitIdle();
  }
}

async function waitIdle() {
  for (let i = 0; i < 600; i++) {
    const s = await app.s.summary();
    if (!s.run.running) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

let events = null;

function openEvents() {
  if (events) events.close();
  events = new EventSource(app.s.eventsUrl());
  events.addEventListener('progress', (ev) => {
    const p = JSON.parse(ev.data);
    const c = app.curve;
    c.e.length = Math.min(c.e.length, p.from);
    c.accuracy.length = Math.min(c.accuracy.length, p.from);
    if (c.eta) c.eta.length = Math.min(c.eta.length, p.from);
    c.e.push(...p.e);
    c.accuracy.push(...p.accuracy);
    if (app.summary) {
      const wasRunning = app.summary.run.running;
      Object.assign(app.summary.run, {
        last: p.last, running: p.running, target: p.target, start: p.start, etaSeconds: p.etaSeconds, diverged: p.diverged,
        e: c.e[p.last], accuracy: c.accuracy[p.last],
      });
      if (!p.running) state.update({ n: p.last || null });
      updateStatus();
      app.emit('progress', p);
      // a run that ended: fetch what events leave out (η per update, for the share link); also when the
      // server sent the run's start and end as one event (it merges events a page has not read yet)
      if (!p.running && (wasRunning || (c.eta || []).length < c.e.length)) {
        app.refresh();
      }
    }
  });
  events.onerror = () => { /* the browser reconnects by itself */ };
}

// A page that is left (or kept in the back/forward cache) lets go of its event stream, so it does not
// hold one of the browser's few connections to the server; coming back opens it again.
window.addEventListener('pagehide', () => { if (events) { events.close(); events = null; } });
window.addEventListener('pageshow', (e) => { if (e.persisted && app.s) { app.refresh().then(openEvents); } });

// ---- status, time bar, navigation -----------------------------------------------------------------

/** ", tanh, Adam" after the network's shape when its roles are not the book's σ and gradient descent. */
function roleText(settings) {
  const parts = [];
  const a = settings.activation;
  const symbol = (((app.roles && app.roles.activations) || []).find((r) => r.id === a) || { symbol: a }).symbol;
  if (a && a !== 'sigmoid') parts.push(app.tOr(`role.activation.${a}`, symbol));
  if (settings.optimizer && settings.optimizer !== 'gd') parts.push(app.tOr(`role.optimizer.${settings.optimizer}`, settings.optimizer));
  return parts.length ? `, ${parts.join(', ')}` : '';
}

function updateStatus() {
  const s = app.summary;
  if (!s) return;
  const el = document.getElementById('status');
  el.textContent = app.t('status.line', {
    data: s.data.name + (s.data.edited ? app.t('status.edited') : ''),
    images: s.data.size,
    shape: s.network.shape + roleText(s.settings),
    params: s.network.parameters,
    last: s.run.last,
    e: num(s.run.e, 4),
    acc: pct(s.run.accuracy),
  });
  const slider = document.getElementById('time-slider');
  slider.max = String(s.run.last);
  const latest = document.getElementById('time-latest');
  latest.checked = state.read().at === undefined;
  slider.value = String(app.at());
  document.getElementById('time-value').textContent = app.t('time.value', { k: app.at(), last: s.run.last });
}

function setupTimebar() {
  const slider = document.getElementById('time-slider');
  const latest = document.getElementById('time-latest');
  slider.addEventListener('input', () => {
    const k = Number(slider.value);
    state.update({ at: k === app.last() && latest.checked ? null : k });
  });
  // one iteration back or on: the explicit control "Inside one step" and the other timed views share
  document.getElementById('time-prev').addEventListener('click', () => state.update({ at: Math.max(0, app.at() - 1) }));
  document.getElementById('time-next').addEventListener('click', () => {
    const k = app.at() + 1;
    state.update({ at: k >= app.last() ? null : k });
  });
  latest.addEventListener('change', () => {
    state.update({ at: latest.checked ? null : app.at() });
  });
}

function navHint() {
  const nav = document.querySelector('nav.views');
  nav.classList.toggle('more', nav.scrollLeft + nav.clientWidth < nav.scrollWidth - 4);
}

function show(st) {
  const name = st.view;
  for (const [id, v] of Object.entries(VIEWS)) {
    const el = document.getElementById(`view-${id}`);
    const visible = id === name;
    el.hidden = !visible;
    if (visible && !v.mounted) {
      v.mount(el, app);
      v.mounted = true;
    }
  }
  document.querySelectorAll('[data-nav]').forEach((a) => {
    if (a.dataset.nav === name) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
    const params = new URLSearchParams(location.hash.split('?')[1] || '');
    a.href = `#/${a.dataset.nav}?${params.toString()}`;
  });
  document.getElementById('timebar').hidden = !TIMED.has(name);
  document.body.classList.toggle('in-course', COURSE.has(name));
  navHint();
  if (app.view === 'course' && name !== 'course') VIEWS.course.leave();
  // the notice that these views are for the small bitmaps only once the learner has been to Image data
  if (IMAGE_DATA.has(name)) app.imagesVisited = true;
  document.getElementById('bitmap-only').hidden = !(BITMAP_ONLY.has(name) && app.imagesVisited && app.imageSets && app.imageSets.length);
  const changedView = app.view !== name;
  app.view = name;
  updateStatus();
  VIEWS[name].show(app, st, changedView);
  if (name !== 'course') document.title = `${app.t(`nav.${name}`)} · shikumi`;
}

/**
 * The class link (shikumi serve --host 0.0.0.0): a button in the header that shows the addresses the students
 * open, each as a QR code the server drew, for the teacher to put on the projector.
 */
function setupClassLink(classroom) {
  const button = document.getElementById('class-link');
  const panel = document.getElementById('class-panel');
  if (!classroom.addresses || classroom.addresses.length === 0) return;
  const render = () => panel.replaceChildren(
    h('h2', { id: 'class-title' }, app.t('class.title')),
    h('p', {}, app.t('class.hint')),
    h('div', { class: 'codes' }, classroom.addresses.map((a) => h('figure', {},
      h('div', { class: 'qr', html: a.svg, 'aria-label': app.t('class.code', { url: a.url }) }),
      h('figcaption', {}, a.url)))),
    h('button', { type: 'button', id: 'class-close', onclick: () => { panel.hidden = true; button.setAttribute('aria-expanded', 'false'); } },
      app.t('class.close')));
  app.classLink = () => { if (!panel.hidden) render(); }; // again in the other language
  button.hidden = false;
  button.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    button.setAttribute('aria-expanded', String(!panel.hidden));
    if (!panel.hidden) render();
  });
}

async function setLanguage(code) {
  await i18n.load(code);
  i18n.apply();
  document.getElementById('lang-toggle').textContent = code === 'ja' ? 'English' : '日本語';
  document.getElementById('lang-toggle').setAttribute('lang', code === 'ja' ? 'en' : 'ja');
  for (const v of Object.values(VIEWS)) {
    if (v.mounted) v.relabel(app);
  }
  if (app.classLink) app.classLink();
  updateStatus();
}

async function main() {
  const listed = api.get('/api/datasets'); // asked for while the views and the texts load
  const roles = api.get('/api/roles'); // the activations and update rules, from core
  const classroom = api.get('/api/classroom').catch(() => ({ addresses: [] })); // the class link, when there is one
  const asked = state.read().lang;
  const code = asked === 'ja' || asked === 'en' ? asked : i18n.browserDefault();
  await Promise.all([loadViews(), i18n.load(code)]); // the texts load while the views do
  const st = state.read();
  await setLanguage(code);
  document.getElementById('lang-toggle').addEventListener('click', async () => {
    const next = i18n.lang() === 'ja' ? 'en' : 'ja';
    state.update({ lang: next });
    await setLanguage(next);
    show(state.read());
  });
  document.getElementById('skip').addEventListener('click', (e) => {
    e.preventDefault();
    document.getElementById('main').focus();
  });
  setupTimebar();
  // on a narrow screen the tab bar scrolls: its right edge fades while more tabs are hidden there
  const nav = document.querySelector('nav.views');
  nav.addEventListener('scroll', navHint, { passive: true });
  window.addEventListener('resize', navHint);
  const listing = await listed;
  app.datasets = listing.bundled;
  app.limits = listing.limits || {};
  app.roles = await roles;
  setupClassLink(await classroom);
  app.imageSets = listing.images || []; // large image data (Fashion-MNIST) when the server has it
  document.querySelectorAll('li[data-image-data]').forEach((li) => { li.hidden = app.imageSets.length === 0; });
  await startSession(st);
  let lastSt = state.read();
  state.onChange((next) => {
    if (next.lang && next.lang !== i18n.lang()) setLanguage(next.lang);
    const viewChanged = next.view !== lastSt.view;
    lastSt = next;
    show(next);
    if (viewChanged) document.getElementById('main').focus({ preventScroll: true });
  });
  show(state.read());
  document.body.dataset.ready = 'true';
}

window.addEventListener('unhandledrejection', (e) => {
  console.error('shikumi:', e.reason && e.reason.message ? e.reason.message : e.reason);
});

main().catch((e) => {
  console.error(e);
  toast(e.message);
});
