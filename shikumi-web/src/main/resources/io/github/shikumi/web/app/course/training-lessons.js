// Lessons 4, 7, 8 and 9: Solver against backpropagation (E evaluations counted on the server), the
// macro's 500 updates with E falling live, before and after training (the book's 未学習 / 学習済み table,
// the letters still wrong), and the learner's own letter with the pixels that push each output.
import { h, num, exact, pct, diverging } from '../fmt.js';
import { lineChart } from '../chart.js';
import { outputBars } from '../bars.js';
import { pixelGrid, thumbnail } from '../grid.js';
import { sessionData } from '../views/common.js';

/** Live numbers the questions check against. */
export const live = { wrongAfter: Number.NaN };

const BOOK_ITERATIONS = 500;
let progressHandler = null;
let listening = false;

function onProgress(app, f) {
  if (!listening) {
    app.on('progress', (p) => { if (progressHandler) progressHandler(p); });
    listening = true;
  }
  progressHandler = f;
}

async function waitIdle(app) {
  for (let i = 0; i < 600; i++) {
    const s = await app.s.summary();
    if (!s.run.running) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Lessons 8 and 9 need a trained network: an untrained session trains the book's 500 iterations first. */
async function ensureTrained(ctx) {
  const { app, t } = ctx;
  if (app.running()) await waitIdle(app);
  if (app.last() > 0) return;
  const note = h('p', { class: 'note', id: 'lesson-training' }, t('course.training'));
  ctx.el.append(note);
  await app.act(() => app.s.run(BOOK_ITERATIONS));
  await waitIdle(app);
  await app.refresh();
  note.remove();
}

/** Lesson 4: the session's start minimised by Solver (forward differences) and by backpropagation. */
export async function solverWidget(ctx) {
  const { app, t } = ctx;
  const table = h('div', { id: 'solver-result' });
  const status = h('p', { id: 'solver-status', role: 'status' });
  let polling = true;
  ctx.disposers.push(() => { polling = false; });
  const name = (o) => t(`course.solver.opt.${o === 'solver' ? 'solver' : 'gd'}`);
  const show = (st) => {
    const rows = st.results.map((r) => h('tr', { id: `solver-row-${r.optimizer}` },
      h('th', { scope: 'row' }, name(r.optimizer)), h('td', {}, num(r.E, 5)), h('td', {}, pct(r.accuracy)),
      h('td', {}, String(r.iterations)), h('td', { class: 'evals' }, r.evaluations.objective.toLocaleString('en-US')),
      h('td', {}, r.evaluations.gradient.toLocaleString('en-US'))));
    table.replaceChildren(h('div', { class: 'table-scroll' }, h('table', { class: 'numbers', id: 'solver-table' },
      h('caption', {}, t('course.solver.caption', { shape: st.shape, images: st.images })),
      h('thead', {}, h('tr', {}, h('th', {}, t('course.solver.method')), h('th', {}, 'E'), h('th', {}, t('course.solver.accuracy')),
        h('th', {}, t('course.solver.iterations')), h('th', {}, t('course.solver.evalE')), h('th', {}, t('course.solver.evalGrad')))),
      h('tbody', {}, rows))));
    const gd = st.results.find((r) => r.optimizer === 'gd');
    const so = st.results.find((r) => r.optimizer === 'solver');
    if (gd && so && !st.running) {
      table.append(h('p', { class: 'caption', id: 'solver-ratio' }, t('course.solver.ratio', {
        solver: so.evaluations.objective.toLocaleString('en-US'), gd: gd.evaluations.objective.toLocaleString('en-US'),
        grads: gd.evaluations.gradient.toLocaleString('en-US'), x: String(st.parameters + 1), // forward-difference cost per gradient: n + 1 E against 1 forward pass
      })));
    }
  };
  const poll = async () => {
    for (;;) {
      const st = await app.act(() => app.s.compareState());
      if (!polling) return;
      if (st.number > 0 && st.settings && st.settings.optimizers.includes('solver')) show(st);
      if (!st.running) {
        status.textContent = st.number > 0 ? t('course.solver.done') : '';
        run.disabled = false;
        return;
      }
      status.textContent = t('course.solver.running', { name: st.current ? name(st.current) : '' });
      await new Promise((r) => setTimeout(r, 250));
    }
  };
  const run = h('button', {
    type: 'button', id: 'solver-run', class: 'primary',
    onclick: async () => {
      run.disabled = true;
      const st = app.summary.settings;
      try {
        await app.act(() => app.s.compare({ optimizers: ['solver', 'gd'], iterations: BOOK_ITERATIONS, hidden: st.hidden, seed: st.seed, eta: st.eta }));
      } catch (e) {
        run.disabled = false;
        return;
      }
      poll();
    },
  }, t('course.solver.run'));
  ctx.el.append(h('div', { class: 'toolbar' }, run), h('p', { class: 'note' }, t('course.solver.settings', {
    hidden: app.summary.settings.hidden, seed: app.summary.settings.seed, eta: app.summary.settings.eta,
  })), status, table);
  await poll();
}

/** Lesson 7: "updated = previous − η·gradient" copied over the parameters 500 times; E falls live. */
export async function macroWidget(ctx) {
  const { app, t } = ctx;
  const chartBox = h('div', { class: 'chart', id: 'macro-chart' });
  const readout = h('p', { class: 'caption', id: 'macro-readout', 'aria-live': 'polite' });
  const update = h('div', { id: 'macro-update' });
  const run = h('button', { type: 'button', id: 'macro-run', class: 'primary' }, t('course.macro.run'));
  const pause = h('button', { type: 'button', id: 'macro-pause', disabled: true }, t('course.macro.pause'));
  ctx.el.append(h('p', { class: 'formula' }, t('course.macro.rule')),
    h('div', { class: 'toolbar' }, run, pause), readout, chartBox, update);
  const chart = lineChart(chartBox, { title: t('course.macro.chart'), log: true, xLabel: t('course.macro.iteration'), series: [{ label: 'E', color: '#6b46c1' }], height: 200 });
  ctx.disposers.push(() => { chart.destroy(); progressHandler = null; });
  const paint = () => {
    chart.set([app.curve.e], BOOK_ITERATIONS + 1);
    readout.textContent = t('course.macro.readout', { k: app.last(), e: num(app.summary.run.e, 5), acc: pct(app.summary.run.accuracy) });
  };
  const showUpdate = async () => {
    const k = app.last();
    const tr = await app.act(() => app.s.trace(k, 0));
    const picks = [0, tr.names.length - 1];
    update.replaceChildren(h('h4', {}, t('course.macro.updateTitle', { k })), ...picks.map((i) => h('p', { class: 'formula' },
      `${tr.names[i]}: ${num(tr.params[i], 5)} − ${tr.eta} × ${num(tr.gradTotal[i], 5)} = ${num(tr.update[i], 5)}`)));
    update.title = exact(tr.update[0]);
  };
  onProgress(app, (p) => {
    paint();
    if (!p.running) {
      run.disabled = false;
      pause.disabled = true;
      showUpdate();
    }
  });
  run.addEventListener('click', async () => {
    run.disabled = true;
    pause.disabled = false;
    try {
      if (app.last() >= BOOK_ITERATIONS) {
        await app.act(() => app.s.reset());
        await app.refresh();
        paint();
      }
      await app.act(() => app.s.run(BOOK_ITERATIONS - app.last(), 250));
    } catch (e) {
      run.disabled = false;
      pause.disabled = true;
    }
  });
  pause.addEventListener('click', () => app.act(() => app.s.cancel()));
  paint();
  await showUpdate();
}

function zs(outputs) {
  return outputs.map((z) => z.toFixed(2)).join(' ');
}

/** Lesson 8: every image before and after training, and the ones still wrong (training and test sets). */
export async function beforeAfterWidget(ctx) {
  const { app, t } = ctx;
  await ensureTrained(ctx);
  const k = app.last();
  const [res, data] = await Promise.all([app.act(() => app.s.results(k)), sessionData(app)]);
  const { before, after } = res;
  live.wrongAfter = after.size - after.correct;
  const wrongList = (part, set, id) => {
    const wrong = part.predictions.map((p, n) => ({ ...p, n })).filter((p) => !p.correct);
    return h('div', { id }, wrong.length === 0 ? h('p', {}, t('course.before.noneWrong'))
      : h('ul', { class: 'wrong-list' }, wrong.map((p) => h('li', {},
        set ? thumbnail(set.images[p.n].pixels, set.height, set.width, 5) : null,
        ` ${t('course.before.wrongItem', { n: p.n, label: p.label, predicted: p.predicted })}`))));
  };
  const rows = after.predictions.map((a, n) => {
    const b = before.predictions[n];
    return h('tr', {}, h('td', {}, String(n)), h('td', {}, a.label),
      h('td', { class: 'zs' }, zs(b.outputs)), h('td', { class: b.correct ? 'ok' : 'bad' }, b.predicted),
      h('td', { class: 'zs' }, zs(a.outputs)), h('td', { class: a.correct ? 'ok' : 'bad' }, a.predicted));
  });
  ctx.el.append(
    h('p', { id: 'before-summary', class: 'caption' }, t('course.before.summary', {
      k, before: pct(before.accuracy), after: pct(after.accuracy), ok: after.correct, n: after.size,
    })),
    h('div', { class: 'table-scroll tall' }, h('table', { class: 'numbers', id: 'before-table' },
      h('caption', {}, t('course.before.caption', { labels: res.labels.join(' ') })),
      h('thead', {}, h('tr', {}, h('th', {}, '#'), h('th', {}, t('course.before.label')), h('th', {}, t('course.before.untrained')),
        h('th', {}, '→'), h('th', {}, t('course.before.trained', { k })), h('th', {}, '→'))),
      h('tbody', {}, rows))),
    h('h3', {}, t('course.before.wrongTrain', { name: after.name })),
    wrongList(after, data, 'before-wrong-train'),
    ...(res.test ? [
      h('h3', {}, t('course.before.wrongTest', { name: res.test.after.name, acc: pct(res.test.after.accuracy), ok: res.test.after.correct, n: res.test.after.size })),
      wrongList(res.test.after, res.test.images ? { images: res.test.images.map((pixels) => ({ pixels })), height: data.height, width: data.width } : null, 'before-wrong-test'),
    ] : []));
}

/** Lesson 9: draw a letter; the outputs and the map of ∂z_k/∂x_i follow every click. */
export async function drawWidget(ctx) {
  const { app, t } = ctx;
  await ensureTrained(ctx);
  const d = app.summary.data;
  const pixels = new Array(d.height * d.width).fill(0);
  let result = null;
  let out = -1;
  let seq = 0;
  const outBox = h('div', { id: 'draw-outputs', 'aria-live': 'polite' });
  const mapTitle = h('h3', { id: 'draw-map-title' });
  const chooser = h('div', { class: 'toolbar', role: 'radiogroup', 'aria-labelledby': 'draw-map-title' });
  const map = pixelGrid({ height: d.height, width: d.width, pixels: new Array(pixels.length).fill(0), editable: false, cell: 48, label: t('try.mapAria') });
  const paint = () => {
    const k = out >= 0 ? out : result.predictedIndex;
    outBox.replaceChildren(h('p', { class: 'prediction' }, t('try.predicted'), ' ', h('b', { id: 'draw-predicted' }, result.predicted)),
      outputBars(result.labels, result.outputs));
    mapTitle.textContent = t('try.mapTitle', { label: result.labels[k] });
    chooser.replaceChildren(...result.labels.map((l, j) => h('label', { class: 'check' },
      h('input', { type: 'radio', name: 'draw-out', value: String(j), checked: j === k, onchange: () => { out = j; paint(); } }), ' ', l)));
    const sens = result.sensitivity[k];
    const scale = Math.max(1e-12, ...sens.map(Math.abs));
    map.querySelectorAll('.px').forEach((c, i) => {
      c.style.background = diverging(sens[i], scale);
      c.title = `∂z${k + 1}/∂x${i + 1} = ${exact(sens[i])}`;
      c.textContent = num(sens[i], 2);
    });
  };
  const classify = async () => {
    const my = ++seq;
    const r = await app.act(() => app.s.classify(pixels, app.last()));
    if (my !== seq) return;
    result = r;
    paint();
  };
  const grid = pixelGrid({
    height: d.height, width: d.width, pixels, editable: true, cell: 48, label: t('try.gridAria'),
    onToggle: (i) => { pixels[i] = pixels[i] ? 0 : 1; grid.set(pixels); classify(); },
  });
  ctx.el.append(h('div', { class: 'columns draw' },
    h('section', { class: 'panel' }, h('h3', {}, t('try.draw')), grid,
      h('div', { class: 'toolbar' }, h('button', { type: 'button', id: 'draw-clear', onclick: () => { pixels.fill(0); grid.set(pixels); classify(); } }, t('try.clear')))),
    h('section', { class: 'panel' }, h('h3', {}, t('try.outputs')), outBox),
    h('section', { class: 'panel' }, mapTitle, chooser, map, h('p', { class: 'hint' }, t('course.draw.mapHint')))));
  await classify();
}
