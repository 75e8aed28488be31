// Lesson 1's widget: gradient descent on f(x, y), computed in the page. A contour map (canvas) with an
// SVG layer on top: click to set the start, Step and Run draw each step as an arrow with its numbers
// (Δx, Δy) = −η(∂f/∂x, ∂f/∂y); a dashed arrow b of the step's length, turned by a slider, shows the
// inner product a·b = |a||b|cos θ of the gradient a with b, smallest when b points against a.
import { h, s, num } from '../fmt.js';

/** The functions offered, with their gradients (worked by hand) and a view range [−R, R]². */
export const FUNCTIONS = {
  bowl: { f: (x, y) => x * x + y * y, g: (x, y) => [2 * x, 2 * y], R: 3, start: [2.5, 1.5], text: 'x² + y²' },
  valley: { f: (x, y) => 0.1 * x * x + 2 * y * y, g: (x, y) => [0.2 * x, 4 * y], R: 3, start: [-2.6, 1], text: '0.1x² + 2y²' },
  two: {
    f: (x, y) => (x * x - 1) ** 2 + 0.5 * y * y,
    g: (x, y) => [4 * x * (x * x - 1), y],
    R: 2, start: [0.15, 1.6], text: '(x² − 1)² + 0.5y²',
  },
};

/** One step of gradient descent from p: the gradient a, the step Δ = −η·a, and the new point. */
export function gdStep(fn, p, eta) {
  const a = fn.g(p[0], p[1]);
  const d = [-eta * a[0], -eta * a[1]];
  return { from: p, a, d, to: [p[0] + d[0], p[1] + d[1]], f: fn.f(p[0], p[1]) };
}

const SIZE = 400;
const PIX = 200;
const MAX_STEPS = 60;

export function gdWidget(ctx) {
  const { t } = ctx;
  let fnName = 'bowl';
  let fn = FUNCTIONS[fnName];
  let eta = 0.1;
  let steps = [];
  let point = fn.start.slice();
  let angle = null; // direction of b in degrees; null: against the gradient
  let timer = null;

  const toSvg = (x, y) => [((x + fn.R) / (2 * fn.R)) * SIZE, ((fn.R - y) / (2 * fn.R)) * SIZE];
  const fromSvg = (u, v) => [(u / SIZE) * 2 * fn.R - fn.R, fn.R - (v / SIZE) * 2 * fn.R];

  const canvas = h('canvas', { width: String(PIX), height: String(PIX), class: 'gd-canvas', 'aria-hidden': 'true' });
  const svg = s('svg', { viewBox: `0 0 ${SIZE} ${SIZE}`, class: 'gd-svg', id: 'gd-svg', role: 'img' });
  const plot = h('div', { class: 'gd-plot' }, canvas, svg);
  const readout = h('p', { class: 'gd-readout', id: 'gd-readout', 'aria-live': 'polite' });
  const status = h('p', { class: 'gd-status', id: 'gd-status', role: 'status' });
  const inner = h('p', { class: 'gd-inner formula', id: 'gd-inner' });
  const tableBody = h('tbody', { id: 'gd-steps' });
  const etaOut = h('output', { id: 'gd-eta-value', for: 'gd-eta' });
  const etaInput = h('input', { type: 'range', id: 'gd-eta', min: '0.01', max: '1.2', step: '0.01', value: String(eta) });
  const angleInput = h('input', { type: 'range', id: 'gd-angle', min: '0', max: '359', step: '1', value: '0' });
  const angleOut = h('output', { id: 'gd-angle-value', for: 'gd-angle' });

  function paintContours() {
    const g = canvas.getContext('2d');
    const img = g.createImageData(PIX, PIX);
    const band = new Int32Array(PIX * PIX);
    for (let r = 0; r < PIX; r++) {
      for (let c = 0; c < PIX; c++) {
        const x = ((c + 0.5) / PIX) * 2 * fn.R - fn.R;
        const y = fn.R - ((r + 0.5) / PIX) * 2 * fn.R;
        band[r * PIX + c] = Math.floor(Math.sqrt(Math.max(0, fn.f(x, y))) * 4);
      }
    }
    for (let i = 0; i < PIX * PIX; i++) {
      const b = band[i];
      const edge = (i % PIX > 0 && band[i - 1] !== b) || (i >= PIX && band[i - PIX] !== b);
      const l = Math.max(0, 1 - b / 40);
      const k = i * 4;
      img.data[k] = edge ? 90 : Math.round(235 - 120 * l);
      img.data[k + 1] = edge ? 80 : Math.round(240 - 60 * l);
      img.data[k + 2] = edge ? 140 : 250;
      img.data[k + 3] = 255;
    }
    g.putImageData(img, 0, 0);
  }

  function arrow(p, q, cls) {
    const [x1, y1] = toSvg(...p);
    const [x2, y2] = toSvg(...q);
    const len = Math.hypot(x2 - x1, y2 - y1);
    const parts = [s('line', { x1, y1, x2, y2, class: cls })];
    if (len > 4) {
      const ux = (x2 - x1) / len;
      const uy = (y2 - y1) / len;
      const hx = x2 - ux * 9;
      const hy = y2 - uy * 9;
      parts.push(s('polygon', { points: `${x2},${y2} ${hx - uy * 5},${hy + ux * 5} ${hx + uy * 5},${hy - ux * 5}`, class: `${cls} head` }));
    }
    return parts;
  }

  function draw() {
    const parts = [];
    steps.forEach((st, i) => parts.push(s('g', { class: 'gd-step', 'data-k': String(i + 1) }, arrow(st.from, st.to, 'gd-arrow'))));
    const [px, py] = toSvg(...point);
    parts.push(s('circle', { cx: px, cy: py, r: 6, class: 'gd-point', id: 'gd-point' }));
    const a = fn.g(...point);
    const an = Math.hypot(...a);
    const blen = eta * an;
    if (an > 1e-12) {
      const dir = angle === null ? Math.atan2(-a[1], -a[0]) : (angle * Math.PI) / 180;
      const b = [blen * Math.cos(dir), blen * Math.sin(dir)];
      const dot = a[0] * b[0] + a[1] * b[1];
      parts.push(s('g', { class: 'gd-b' }, arrow(point, [point[0] + b[0], point[1] + b[1]], 'gd-barrow')));
      inner.textContent = t('course.slope.inner', {
        dot: num(dot, 4), a: num(an, 4), b: num(blen, 4), min: num(-an * blen, 4),
        deg: String(Math.round((((dir - Math.atan2(a[1], a[0])) * 180) / Math.PI + 720) % 360)),
      });
      angleOut.textContent = `${Math.round(((dir * 180) / Math.PI + 360) % 360)}°`;
      if (angle === null) angleInput.value = String(Math.round(((dir * 180) / Math.PI + 360) % 360));
    }
    const last = steps[steps.length - 1];
    if (last) {
      const [lx, ly] = toSvg(...last.to);
      const inside = Math.abs(last.to[0]) < fn.R && Math.abs(last.to[1]) < fn.R;
      const label = `(Δx, Δy) = (${num(last.d[0], 3)}, ${num(last.d[1], 3)})`;
      const tx = Math.min(SIZE - 8, Math.max(8, inside ? lx : SIZE / 2));
      const ty = Math.min(SIZE - 10, Math.max(22, inside ? ly - 14 : 30));
      parts.push(s('text', { x: tx, y: ty, class: 'gd-label', 'text-anchor': tx > SIZE * 0.6 ? 'end' : tx < SIZE * 0.4 ? 'start' : 'middle', id: 'gd-label' }, label));
    }
    svg.replaceChildren(...parts);
    svg.setAttribute('aria-label', t('course.slope.aria', { f: fn.text, x: num(point[0], 4), y: num(point[1], 4) }));
    readout.textContent = t('course.slope.readout', {
      k: steps.length, x: num(point[0], 4), y: num(point[1], 4), f: num(fn.f(...point), 4),
      gx: num(a[0], 4), gy: num(a[1], 4),
    });
    etaOut.textContent = num(eta, 3);
  }

  function addRow(st) {
    const k = steps.length;
    tableBody.prepend(h('tr', {},
      h('td', {}, String(k)), h('td', {}, `(${num(st.from[0], 3)}, ${num(st.from[1], 3)})`),
      h('td', {}, `(${num(st.a[0], 3)}, ${num(st.a[1], 3)})`),
      h('td', {}, `(${num(st.d[0], 3)}, ${num(st.d[1], 3)})`), h('td', {}, num(fn.f(...st.to), 4))));
    while (tableBody.children.length > 12) tableBody.lastChild.remove();
  }

  function step() {
    if (steps.length >= MAX_STEPS) { stop(); return false; }
    const st = gdStep(fn, point, eta);
    steps.push(st);
    point = st.to;
    addRow(st);
    const far = Math.max(Math.abs(point[0]), Math.abs(point[1]));
    if (!Number.isFinite(far) || far > fn.R * 50) {
      status.textContent = t('course.slope.diverged', { k: steps.length });
      status.className = 'gd-status bad';
      stop();
      draw();
      return false;
    }
    const fv = fn.f(...point);
    if (steps.length > 1 && fv > steps[steps.length - 2].f && fv > st.f) {
      status.textContent = t('course.slope.rising', { eta: num(eta, 3) });
      status.className = 'gd-status bad';
    } else if (Math.hypot(...fn.g(...point)) < 1e-4) {
      status.textContent = t('course.slope.converged', { k: steps.length });
      status.className = 'gd-status ok';
      stop();
    } else {
      status.textContent = '';
      status.className = 'gd-status';
    }
    draw();
    return true;
  }

  function stop() {
    if (timer) clearInterval(timer);
    timer = null;
    runButton.textContent = t('course.slope.run');
  }

  function restart(p) {
    stop();
    point = p;
    steps = [];
    angle = null;
    tableBody.replaceChildren();
    status.textContent = '';
    draw();
  }

  const runButton = h('button', {
    type: 'button', id: 'gd-run',
    onclick: () => {
      if (timer) { stop(); return; }
      runButton.textContent = t('course.slope.pause');
      timer = setInterval(() => { if (!step()) stop(); }, 120);
    },
  }, t('course.slope.run'));

  svg.addEventListener('click', (e) => {
    const r = svg.getBoundingClientRect();
    const u = ((e.clientX - r.left) / r.width) * SIZE;
    const v = ((e.clientY - r.top) / r.height) * SIZE;
    restart(fromSvg(u, v));
  });
  etaInput.addEventListener('input', () => { eta = Number(etaInput.value); draw(); });
  angleInput.addEventListener('input', () => { angle = Number(angleInput.value); draw(); });
  const select = h('select', {
    id: 'gd-function',
    onchange: () => { fnName = select.value; fn = FUNCTIONS[fnName]; paintContours(); restart(fn.start.slice()); },
  }, Object.entries(FUNCTIONS).map(([k, v]) => h('option', { value: k }, `${t(`course.slope.fn.${k}`)}: f = ${v.text}`)));

  ctx.el.append(
    h('div', { class: 'columns gd' },
      h('div', {}, plot, h('p', { class: 'hint' }, t('course.slope.clickHint'))),
      h('div', { class: 'gd-controls' },
        h('div', { class: 'toolbar' }, h('label', { for: 'gd-function' }, t('course.slope.function')), select),
        h('div', { class: 'toolbar slider-row' }, h('label', { for: 'gd-eta' }, 'η'), etaInput, etaOut),
        h('div', { class: 'toolbar' },
          h('button', { type: 'button', id: 'gd-step', class: 'primary', onclick: () => step() }, t('course.slope.step')),
          runButton,
          h('button', { type: 'button', id: 'gd-reset', onclick: () => restart(fn.start.slice()) }, t('course.slope.reset'))),
        readout, status,
        h('h4', {}, t('course.slope.innerTitle')),
        h('div', { class: 'toolbar slider-row' }, h('label', { for: 'gd-angle' }, t('course.slope.angle')), angleInput, angleOut,
          h('button', { type: 'button', id: 'gd-against', onclick: () => { angle = null; draw(); } }, t('course.slope.against'))),
        inner)),
    h('div', { class: 'table-scroll' }, h('table', { class: 'numbers gd-table' },
      h('caption', {}, t('course.slope.tableCaption')),
      h('thead', {}, h('tr', {}, h('th', {}, 'k'), h('th', {}, '(x, y)'), h('th', {}, '(∂f/∂x, ∂f/∂y)'),
        h('th', {}, '(Δx, Δy)'), h('th', {}, t('course.slope.fAfter')))),
      tableBody)));
  paintContours();
  draw();
  ctx.disposers.push(stop);
}
