// Image data: the large image set the server offers (Fashion-MNIST, 28×28 grey levels) as a gallery of the
// first images of each label, page by page; and a mini-batch training run (784-H-10, softmax and
// cross-entropy, batch 100) in the background with a progress bar (epoch, batch, loss, time left) and
// Cancel from the event stream, then the loss and accuracy of each epoch, the test accuracy and the
// confusion matrix on the test set.
import { h, num, pct } from '../fmt.js';
import { api } from '../api.js';
import { lineChart } from '../chart.js';
import * as state from '../state.js';

let el;
let app;
let info = null; // the dataset's entry of /api/datasets (images), or null when the server has none
let gallery = null;
let status = null;
let events = null;
let seq = 0;
/** The loss at each event of the running run (the live chart), and (time, fraction done) for the ETA. */
let losses = [];
let pace = [];
let lossChart = null;

/**
 * Seconds left from the pace of the last ~10 s of this run in the page (not from its start, which
 * includes reading the files and the first epoch's warm-up), or null until 2 s of pace are seen.
 */
function secondsLeft(s) {
  const now = performance.now() / 1000;
  pace.push({ t: now, f: s.fraction || 0 });
  while (pace.length > 2 && now - pace[1].t > 10) pace.shift();
  const first = pace[0];
  const df = (s.fraction || 0) - first.f;
  if (now - first.t < 2 || df <= 0) return null;
  return ((1 - (s.fraction || 0)) * (now - first.t)) / df;
}

function followLoss(s) {
  if (s.loss === null || s.loss === undefined || !(s.batches > 0)) return;
  const box = el.querySelector('#images-loss');
  if (!box) return;
  if (!lossChart) {
    box.hidden = false;
    lossChart = lineChart(box, { title: app.t('images.lossChart'), xLabel: app.t('images.lossX'), height: 180,
      series: [{ label: app.t('images.col.loss'), color: '#c2410c' }] });
  }
  if (losses[losses.length - 1] !== s.loss) losses.push(s.loss);
  lossChart.set([losses]);
}

const base = () => `/api/sessions/${app.s.id}/images`;

/** The display name of label k: the class name in the page's language. */
function className(k) {
  return app.t(`images.class.${k}`);
}

/** One image as a canvas of grey levels (0 white … 255 black, as the book draws ink). */
export function greyImage(b64, height, width, scale = 2) {
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const c = h('canvas', { width: String(width), height: String(height), class: 'grey-thumb', 'aria-hidden': 'true' });
  c.style.width = `${width * scale}px`;
  c.style.height = `${height * scale}px`;
  const g = c.getContext('2d');
  const img = g.createImageData(width, height);
  for (let i = 0; i < bytes.length; i++) {
    const v = 255 - bytes[i];
    img.data[4 * i] = v;
    img.data[4 * i + 1] = v;
    img.data[4 * i + 2] = v;
    img.data[4 * i + 3] = 255;
  }
  g.putImageData(img, 0, 0);
  return c;
}

async function loadGallery() {
  const my = ++seq;
  const st = state.read();
  const page = state.int(st.page, 0);
  const g = await app.act(() => api.get(`/api/images/${info.name}/gallery?set=${st.set === 'test' ? 'test' : 'train'}&perLabel=8&page=${page}`));
  if (my !== seq) return;
  gallery = g;
  renderGallery();
}

function renderGallery() {
  const box = el.querySelector('#images-gallery');
  if (!box || !gallery) return;
  const t = app.t;
  const g = gallery;
  const setSelect = h('select', { id: 'images-set', onchange: () => { state.update({ set: setSelect.value, page: null }); loadGallery(); } },
    h('option', { value: 'train', selected: g.set === 'train' }, t('images.setTrain')),
    h('option', { value: 'test', selected: g.set === 'test' }, t('images.setTest')));
  const go = (p) => { state.update({ page: p || null }); loadGallery(); };
  box.replaceChildren(
    h('div', { class: 'toolbar' },
      h('label', { for: 'images-set' }, t('images.set')), setSelect,
      h('button', { type: 'button', id: 'images-prev', disabled: g.page <= 0, onclick: () => go(g.page - 1) }, t('images.prev')),
      h('span', { id: 'images-page' }, t('images.page', { page: g.page + 1, pages: g.pages, size: g.size })),
      h('button', { type: 'button', id: 'images-next', disabled: g.page + 1 >= g.pages, onclick: () => go(g.page + 1) }, t('images.next'))),
    ...g.labels.map((label, k) => {
      const mine = g.images.filter((im) => im.label === label);
      return h('div', { class: 'grey-row' },
        h('h3', {}, t('images.labelGroup', { label, name: className(k) })),
        h('ul', { class: 'gallery grey-gallery', 'aria-label': t('images.labelGroup', { label, name: className(k) }) },
          mine.map((im) => h('li', { title: `#${im.index}` },
            greyImage(im.grey, g.height, g.width, 2),
            h('span', { class: 'visually-hidden' }, t('images.imageAria', { n: im.index, name: className(k) }))))));
    }));
}

function openEvents() {
  if (events) events.close();
  events = new EventSource(`${base()}/events`);
  events.addEventListener('images', (ev) => {
    status = JSON.parse(ev.data);
    renderRun();
  });
  events.onerror = () => { /* the browser reconnects by itself */ };
}

async function startRun() {
  const epochs = Number(el.querySelector('#images-epochs').value);
  const hidden = Number(el.querySelector('#images-hidden').value);
  const trainImages = Number(el.querySelector('#images-count').value);
  losses = [];
  pace = [];
  if (lossChart) { lossChart.destroy(); lossChart = null; }
  status = await app.act(() => api.post(`${base()}/run`, { dataset: info.name, epochs, hidden, trainImages })).catch(() => status);
  renderRun();
}

function progressText(t, s) {
  const left = secondsLeft(s);
  const vars = { epoch: s.epoch, epochs: s.epochs, batch: s.batch, batches: s.batches, loss: num(s.loss, 4) };
  return left === null ? t('images.progressEstimating', vars) : t('images.progress', { ...vars, secs: Math.ceil(left) });
}

function renderRun() {
  const box = el.querySelector('#images-run');
  if (!box || !status) return;
  const t = app.t;
  const s = status;
  const running = s.state === 'running' || s.state === 'loading';
  el.querySelector('#images-start').disabled = running;
  el.querySelector('#images-cancel').disabled = !running;
  const parts = [];
  if (running) {
    parts.push(h('div', { class: 'progress panel', id: 'images-progress' },
      h('progress', { id: 'images-bar', max: '1', value: String(s.fraction || 0) }),
      // no "batch 0 of 0" before the first batch: still starting
      h('span', { id: 'images-progress-text', 'aria-live': 'polite' }, s.state === 'loading' || !(s.batches > 0) ? t('images.starting')
        : progressText(t, s))));
    followLoss(s);
  } else if (s.state !== 'idle') {
    parts.push(h('p', { id: 'images-state', class: s.state === 'done' ? 'ok' : 'bad' },
      t(`images.state.${s.state}`, { secs: num(s.seconds, 3), error: s.error || '' })));
  }
  if (s.history && s.history.length) {
    parts.push(h('div', { class: 'table-scroll' }, h('table', { class: 'epochs', id: 'images-epochs-table' },
      h('caption', {}, t('images.epochsCaption')),
      h('thead', {}, h('tr', {}, ['epoch', 'seconds', 'loss', 'trainAccuracy', 'testLoss', 'testAccuracy']
        .map((k) => h('th', { scope: 'col' }, t(`images.col.${k}`))))),
      h('tbody', {}, s.history.map((e) => h('tr', {},
        h('td', {}, String(e.epoch)), h('td', {}, num(e.seconds, 3)), h('td', {}, num(e.loss, 4)),
        h('td', {}, pct(e.trainAccuracy)), h('td', {}, e.testLoss == null ? '' : num(e.testLoss, 4)),
        h('td', {}, e.testAccuracy == null ? '' : pct(e.testAccuracy))))))));
  }
  if (s.result) {
    const labels = s.result.confusion.map((_, k) => String(k));
    parts.push(h('p', { id: 'images-test-accuracy' }, t('images.testAccuracy', { acc: pct(s.result.testAccuracy), n: s.result.testImages })));
    parts.push(h('div', { class: 'table-scroll' }, h('table', { class: 'confusion', id: 'images-confusion' },
      h('caption', {}, t('images.confusionCaption')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('results.trueLabel')),
        labels.map((l) => h('th', { scope: 'col', title: className(Number(l)) }, l)))),
      h('tbody', {}, labels.map((l, a) => h('tr', {}, h('th', { scope: 'row' }, `${l} ${className(a)}`),
        s.result.confusion[a].map((c, p) => h('td', { class: c === 0 ? 'zero' : a === p ? 'diag' : 'off' }, String(c)))))))));
  }
  box.replaceChildren(...parts);
}

function render() {
  const t = app.t;
  info = (app.imageSets || [])[0] || null;
  el.replaceChildren(h('h2', { id: 'h-images' }, t('images.title')));
  if (!info) {
    el.append(h('p', { class: 'note', id: 'images-none' }, t('images.none')));
    return;
  }
  el.append(h('p', { class: 'intro' }, t('images.intro', { name: info.name, n: info.size, test: info.testSize })));
  const field = (id, key, attrs) => h('div', { class: 'field' }, h('label', { for: id }, t(key)), h('input', { id, ...attrs }));
  el.append(h('section', { class: 'panel' },
    h('h3', {}, t('images.trainTitle')),
    h('p', {}, t('images.trainIntro', { batch: info.batch })),
    h('div', { class: 'form-grid' },
      field('images-epochs', 'images.epochs', { type: 'number', min: '1', max: String(info.maxEpochs), value: '1' }),
      field('images-hidden', 'images.hidden', { type: 'number', min: '1', max: String(info.maxHidden), value: '64' }),
      h('div', { class: 'field' }, h('label', { for: 'images-count' }, t('images.count')),
        h('select', { id: 'images-count' }, [1000, 10000, info.size].map((n) => h('option', { value: String(n), selected: n === info.size }, String(n)))))),
    h('div', { class: 'toolbar' },
      h('button', { type: 'button', id: 'images-start', onclick: startRun }, t('images.start')),
      h('button', { type: 'button', id: 'images-cancel', disabled: true, onclick: () => app.act(() => api.post(`${base()}/cancel`)) }, t('images.cancel'))),
    h('div', { id: 'images-run' }),
    h('div', { class: 'chart', id: 'images-loss', hidden: true })));
  if (lossChart) { lossChart.destroy(); lossChart = null; }
  el.append(h('section', { id: 'images-gallery', 'aria-label': t('images.galleryLabel') }, h('p', {}, t('images.loading'))));
  renderGallery();
  renderRun();
}

export default {
  mount(root, a) {
    el = root;
    app = a;
  },
  show(a, st, changed) {
    if (changed || !el.firstChild) {
      render();
      if (info) {
        if (!events) openEvents();
        loadGallery();
      }
    }
  },
  relabel() { if (!el.hidden) { render(); } },
};
