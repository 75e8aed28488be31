// Lessons 2, 3, 5 and 6: the network and its parameters, the error e and E, unit errors δ with one
// image's numbers, and δ flowing backwards. All numbers are the session's, at iteration 0 (the book's
// untrained network); the formulas are the book's: s = Σ w·x − θ, z = σ(s), e = ½Σ(t − z)²,
// δO = −(t − z)·z(1 − z), δH = (Σ δO·wO)·h(1 − h), ∂e/∂w = δ·x, ∂e/∂θ = −δ.
import { h, s, num, term, exact, touchOnly } from '../fmt.js';
import { diagram, legend } from '../diagram.js';
import { imagePicker, sessionData } from '../views/common.js';

/** The image the course shows (kept while the learner moves between lessons). */
let image = 0;

async function picker(ctx, onPick) {
  const data = await sessionData(ctx.app);
  image = Math.min(image, data.images.length - 1);
  const holder = h('div', { class: 'lesson-picker' });
  const put = () => holder.replaceChildren(imagePicker(ctx.app, data, image, (n) => {
    image = Math.max(0, Math.min(data.images.length - 1, n));
    put();
    onPick(image);
  }, { id: 'lesson-image' }));
  put();
  return holder;
}

/** Lesson 2: the diagram (pannable on a phone, so its text keeps its size) and the 79 components of ∂E. */
export async function paramsWidget(ctx) {
  const { app, t } = ctx;
  const [net, tr] = await Promise.all([app.act(() => app.s.network(0, image)), app.act(() => app.s.trace(0, image))]);
  const info = h('pre', { class: 'info', id: 'lesson-info', 'aria-live': 'polite' }, t(touchOnly() ? 'network.infoEmptyTouch' : 'network.infoEmpty'));
  const rows = tr.names.map((name, i) => h('tr', {},
    h('td', {}, String(i + 1)), h('th', { scope: 'row' }, name), h('td', { title: exact(tr.params[i]) }, num(tr.params[i], 4)),
    h('td', { title: exact(tr.gradTotal[i]) }, num(tr.gradTotal[i], 4))));
  const sizes = net.sizes;
  let count = 0;
  const parts = [];
  for (let l = 1; l < sizes.length; l++) {
    count += sizes[l - 1] * sizes[l] + sizes[l];
    parts.push(`${sizes[l - 1]}×${sizes[l]} + ${sizes[l]}`);
  }
  ctx.el.append(
    legend(t),
    h('div', { class: 'pan', id: 'lesson-diagram' }, diagram(net, t, (text) => { info.textContent = text; })),
    h('p', { class: 'hint' }, t('course.params.panHint')),
    info,
    h('p', { class: 'formula', id: 'params-count' }, t('course.params.count', { shape: sizes.join('-'), sum: parts.join(' + '), n: count })),
    h('div', { class: 'table-scroll tall' }, h('table', { class: 'numbers', id: 'params-table' },
      h('caption', {}, t('course.params.tableCaption')),
      h('thead', {}, h('tr', {}, h('th', {}, '#'), h('th', {}, t('course.params.name')), h('th', {}, t('course.params.value')),
        h('th', {}, '∂E/∂p'))),
      h('tbody', {}, rows))));
}

/** Lesson 3: e for one image, worked term by term, and E over all the images. */
export async function errorWidget(ctx) {
  const { app, t } = ctx;
  const box = h('div', { id: 'error-box' });
  const render = async (n) => {
    const tr = await app.act(() => app.s.trace(0, n));
    const z = tr.layers[tr.layers.length - 1].z;
    let sum = 0;
    const rows = tr.labels.map((label, k) => {
      const d2 = (tr.t[k] - z[k]) ** 2;
      sum += d2;
      return h('tr', {}, h('th', { scope: 'row' }, `${k + 1} (${label})`), h('td', {}, String(tr.t[k])),
        h('td', { title: exact(z[k]) }, num(z[k], 4)), h('td', {}, num(d2, 4)));
    });
    box.replaceChildren(
      h('table', { class: 'numbers', id: 'error-table' },
        h('caption', {}, t('course.error.caption', { n, label: tr.label })),
        h('thead', {}, h('tr', {}, h('th', {}, 'k'), h('th', {}, 't_k'), h('th', {}, 'z_k'), h('th', {}, '(t_k − z_k)²'))),
        h('tbody', {}, rows)),
      h('p', { class: 'formula', id: 'error-e' }, t('course.error.e', { sum: num(sum, 4), e: num(tr.e, 4) })),
      h('p', { class: 'formula', id: 'error-E' }, t('course.error.E', { n: tr.images, E: num(tr.E, 5) })));
  };
  ctx.el.append(await picker(ctx, render), box);
  await render(image);
}

/** Lesson 5: the chain rule with one image's numbers, for the output unit chosen. */
export async function deltaWidget(ctx) {
  const { app, t } = ctx;
  const box = h('div', { id: 'delta-box' });
  let k = 0;
  let tr = null;
  const chooser = h('div', { class: 'toolbar', role: 'radiogroup', 'aria-label': t('course.delta.unit') });
  const paint = () => {
    const nIn = tr.x.length;
    const hz = tr.layers[0].z;
    const z = tr.layers[1].z[k];
    const tk = tr.t[k];
    const dO = tr.deltas[1].delta[k];
    const offO = nIn * hz.length + hz.length; // layout: wH, θH, then wO, θO
    const lines = [
      t('course.delta.def', { k: k + 1 }),
      `∂e/∂z${k + 1} = −(t${k + 1} − z${k + 1}) = −(${tk} − ${num(z, 4)}) = ${num(-(tk - z), 4)}`,
      `∂z${k + 1}/∂s${k + 1} = z${k + 1}(1 − z${k + 1}) = ${num(z, 4)} × ${num(1 - z, 4)} = ${num(z * (1 - z), 4)}`,
      `δO${k + 1} = ${term(-(tk - z), 4)} × ${num(z * (1 - z), 4)} = ${num(dO, 4)}`,
    ];
    hz.forEach((hj, j) => {
      const i = offO + k * hz.length + j;
      lines.push(`∂e/∂wO[${k + 1}][${j + 1}] = δO${k + 1} · h${j + 1} = ${term(dO, 4)} × ${num(hj, 4)} = ${num(dO * hj, 4)}  (${t('course.delta.server')} ${num(tr.gradImage[i], 4)})`);
    });
    const ti = offO + hz.length * tr.layers[1].z.length + k;
    lines.push(`∂e/∂θO[${k + 1}] = −δO${k + 1} = ${num(-dO, 4)}  (${t('course.delta.server')} ${num(tr.gradImage[ti], 4)})`);
    box.replaceChildren(...lines.map((line, i) => h('p', { class: 'formula', id: `delta-line-${i}` }, line)));
    chooser.replaceChildren(...tr.labels.map((l, j) => h('label', { class: 'check' },
      h('input', { type: 'radio', name: 'delta-k', value: String(j), checked: j === k, onchange: () => { k = j; paint(); } }),
      ' ', `z${j + 1} (${l})`)));
  };
  const render = async (n) => { tr = await app.act(() => app.s.trace(0, n)); paint(); };
  ctx.el.append(await picker(ctx, render), chooser, box);
  await render(image);
}

/** Lesson 6: δO at the outputs, then δH from them, animated from right to left. */
export async function backwardsWidget(ctx) {
  const { app, t } = ctx;
  const net = await app.act(() => app.s.network(0));
  const wO = net.layers[1].weights; // wO[k][j]: from hidden unit j to output k
  const W = 360;
  const Hh = 300;
  const svg = s('svg', { viewBox: `0 0 ${W} ${Hh}`, class: 'flow', id: 'flow-svg', role: 'img', 'aria-label': t('course.backwards.aria') });
  const lines = h('div', { id: 'backwards-lines' });
  const phaseText = h('p', { id: 'backwards-phase', class: 'caption', 'aria-live': 'polite' });
  let tr = null;
  const timers = [];
  const clear = () => { while (timers.length) clearTimeout(timers.pop()); };
  ctx.disposers.push(clear);
  const nH = wO[0].length;
  const nO = wO.length;
  const hy = (j) => 60 + (j * (Hh - 100)) / Math.max(1, nH - 1);
  const oy = (k) => 40 + (k * (Hh - 70)) / Math.max(1, nO - 1);
  const HX = 130;
  const OX = 255;
  const draw = (phase) => {
    const parts = [];
    wO.forEach((row, k) => row.forEach((w, j) => {
      parts.push(s('line', { x1: OX - 18, y1: oy(k), x2: HX + 18, y2: hy(j), class: `flow-edge${phase >= 2 ? ' flowing' : ''}${w < 0 ? ' neg' : ''}` }));
    }));
    tr.layers[1].z.forEach((z, k) => {
      parts.push(s('circle', { cx: OX, cy: oy(k), r: 16, class: `flow-unit${phase >= 1 ? ' lit' : ''}` }));
      parts.push(s('text', { x: OX, y: oy(k) + 5, 'text-anchor': 'middle', class: 'flow-name' }, tr.labels[k]));
      if (phase >= 1) parts.push(s('text', { x: OX + 22, y: oy(k) + 5, class: 'flow-value', id: `flow-dO-${k}` }, `δ ${num(tr.deltas[1].delta[k], 3)}`));
    });
    tr.layers[0].z.forEach((z, j) => {
      parts.push(s('circle', { cx: HX, cy: hy(j), r: 16, class: `flow-unit${phase >= 3 ? ' lit' : ''}` }));
      parts.push(s('text', { x: HX, y: hy(j) + 5, 'text-anchor': 'middle', class: 'flow-name' }, `h${j + 1}`));
      if (phase >= 3) parts.push(s('text', { x: HX - 22, y: hy(j) + 5, 'text-anchor': 'end', class: 'flow-value', id: `flow-dH-${j}` }, `δ ${num(tr.deltas[0].delta[j], 3)}`));
    });
    parts.push(s('text', { x: HX, y: Hh - 6, 'text-anchor': 'middle', class: 'flow-layer' }, t('course.backwards.hidden')));
    parts.push(s('text', { x: OX, y: Hh - 6, 'text-anchor': 'middle', class: 'flow-layer' }, t('course.backwards.output')));
    svg.replaceChildren(...parts);
    phaseText.textContent = t(`course.backwards.phase${phase}`);
    const out = [];
    if (phase >= 1) {
      tr.layers[1].z.forEach((z, k) => out.push(`δO${k + 1} = −(${tr.t[k]} − ${num(z, 4)}) × ${num(z, 4)} × ${num(1 - z, 4)} = ${num(tr.deltas[1].delta[k], 4)}`));
    }
    if (phase >= 3) {
      tr.layers[0].z.forEach((hj, j) => {
        const terms = wO.map((row, k) => `${term(tr.deltas[1].delta[k], 3)}·${term(row[j], 3)}`).join(' + ');
        out.push(`δH${j + 1} = (${terms}) × ${num(hj, 4)} × ${num(1 - hj, 4)} = ${num(tr.deltas[0].delta[j], 4)}`);
      });
    }
    lines.replaceChildren(...out.map((x) => h('p', { class: 'formula' }, x)));
  };
  const play = () => {
    clear();
    draw(0);
    [1, 2, 3].forEach((p, i) => timers.push(setTimeout(() => draw(p), 700 * (i + 1))));
  };
  const render = async (n) => { tr = await app.act(() => app.s.trace(0, n)); clear(); draw(3); };
  ctx.el.append(await picker(ctx, render),
    h('div', { class: 'toolbar' }, h('button', { type: 'button', id: 'backwards-play', class: 'primary', onclick: play }, t('course.backwards.play'))),
    phaseText,
    h('div', { class: 'columns flow-cols' }, h('div', {}, svg), lines));
  await render(image);
}
