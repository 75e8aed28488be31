// Try it: draw on an empty grid; the outputs update on every click; a map of ∂z_k/∂x_i for the chosen
// output k shows which pixels push towards that label (orange) or away from it (blue).
import { h, num, exact, diverging, touchOnly } from '../fmt.js';
import { pixelGrid } from '../grid.js';
import { outputBars } from '../bars.js';
import { follow } from './common.js';
import * as state from '../state.js';

let el;
let app;
let pixels = null;
let shape = null;
let result = null;
let seq = 0;

/** A value in at most five characters (−0.54, 0.07, 0), for a pixel's cell. */
export function short(v) {
  return (Math.abs(v) < 0.005 ? '0' : v.toFixed(2)).replace('-', '−');
}

function chosenOutput(labels) {
  const k = state.int(state.read().out, -1);
  return k >= 0 && k < labels.length ? k : -1;
}

async function classify() {
  const my = ++seq;
  const r = await app.act(() => app.s.classify(pixels, app.at()));
  if (my !== seq) return;
  result = r;
  paint();
}

let drawGrid;
let mapGrid;
let outBox;
let mapTitle;
let chooser;

function build() {
  const t = app.t;
  const d = app.summary.data;
  if (!pixels || !shape || shape.h !== d.height || shape.w !== d.width) {
    shape = { h: d.height, w: d.width };
    pixels = new Array(d.height * d.width).fill(0);
  }
  const cell = d.width > 12 ? 14 : window.innerWidth < 560 ? 34 : 48; // on a phone the outputs fit beside the grid
  drawGrid = pixelGrid({
    height: d.height, width: d.width, pixels, editable: true, cell, label: t('try.gridAria'),
    onToggle: (i) => { pixels[i] = pixels[i] ? 0 : 1; drawGrid.set(pixels); classify(); },
  });
  mapGrid = pixelGrid({
    height: d.height, width: d.width, pixels: new Array(d.height * d.width).fill(0), editable: false,
    cell: d.width > 12 ? 10 : 36, label: t('try.mapAria'),
    colour: () => '#fff', title: () => '',
  });
  outBox = h('div', { id: 'try-outputs', 'aria-live': 'polite' });
  mapTitle = h('h3', { id: 'try-map-title' });
  chooser = h('div', { class: 'toolbar', role: 'radiogroup', 'aria-labelledby': 'try-map-title' });
  el.replaceChildren(
    h('h2', { id: 'h-try' }, t('try.title')),
    h('p', { class: 'intro' }, t('try.intro')),
    h('div', { class: 'columns try' },
      h('section', { class: 'panel' }, h('h3', {}, t('try.draw')), drawGrid,
        h('div', { class: 'toolbar' },
          h('button', { type: 'button', id: 'try-clear', onclick: () => { pixels.fill(0); drawGrid.set(pixels); classify(); } }, t('try.clear')),
          h('button', { type: 'button', id: 'try-invert', onclick: () => { for (let i = 0; i < pixels.length; i++) pixels[i] = 1 - pixels[i]; drawGrid.set(pixels); classify(); } }, t('try.invert')))),
      h('section', { class: 'panel' }, h('h3', {}, t('try.outputs')), outBox),
      h('section', { class: 'panel' }, mapTitle, chooser, mapGrid, h('p', { class: 'hint' }, t(touchOnly() ? 'try.mapHintTouch' : 'try.mapHint')))));
}

function paint() {
  if (!result) return;
  const t = app.t;
  const labels = result.labels;
  let k = chosenOutput(labels);
  if (k < 0) k = result.predictedIndex;
  outBox.replaceChildren(
    h('p', { class: 'prediction' }, t('try.predicted'), ' ', h('b', { id: 'try-predicted' }, result.predicted)),
    outputBars(labels, result.outputs),
    h('p', { class: 'hint' }, t('try.iteration', { k: result.iteration })));
  mapTitle.textContent = t('try.mapTitle', { label: labels[k] });
  chooser.replaceChildren(...labels.map((l, j) => h('label', { class: 'check' },
    h('input', { type: 'radio', name: 'try-out', value: String(j), checked: j === k,
      onchange: () => { state.update({ out: j }); } }), ' ', l)));
  const sens = result.sensitivity[k];
  const scale = Math.max(1e-12, ...sens.map(Math.abs));
  const w = app.summary.data.width;
  mapGrid.querySelectorAll('.px').forEach((cellEl, i) => {
    cellEl.style.background = diverging(sens[i], scale);
    const text = `∂z${k + 1}/∂x${i + 1} (${Math.floor(i / w) + 1}-${(i % w) + 1}) = ${exact(sens[i])}`;
    cellEl.title = text;
    cellEl.setAttribute('aria-label', `${num(sens[i])}: ${text}`);
    cellEl.textContent = w <= 12 ? short(sens[i]) : ''; // two decimals fit the cell; the exact value is in the title
  });
}

export default {
  mount(root, a) {
    el = root;
    app = a;
    follow(app, el, classify, 500);
    app.on('session', () => { if (!el.hidden) { build(); classify(); } });
  },
  show(a, st, changed) {
    if (changed || !drawGrid) build();
    classify();
  },
  relabel() { if (!el.hidden) { build(); paint(); } },
};
