// Line charts of E and accuracy per iteration (uPlot, from its webjar), with an optional marker at
// the iteration shown and a dashed curve of the branch left behind.
import uPlot from 'uplot';
import { num } from './fmt.js';

const isDecade = (v) => v > 0 && Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9;

const mantissa = (v) => Math.round(v / 10 ** Math.floor(Math.log10(v) + 1e-9));

/**
 * Log-axis labels: powers of ten (every second or third when there are many), as 0.01 or 1×10⁻⁶; when
 * the range spans less than a decade or two, also 2 and 5 times them.
 */
function decades(u, ticks) {
  const n = ticks.filter(isDecade).length;
  if (n < 2) {
    return ticks.map((v) => (v > 0 && [1, 2, 5].includes(mantissa(v)) ? num(v, 2) : ''));
  }
  const step = Math.max(1, Math.ceil(n / 6));
  return ticks.map((v) => (isDecade(v) && Math.round(Math.log10(v)) % step === 0 ? num(v, 2) : ''));
}

/**
 * A log axis from a decade below the smallest value reached (with a quarter decade of room, so a curve
 * that falls to 1.09×10⁻¹⁰ stays above the bottom edge) to the decade above the largest.
 */
export function logRange(min, max) {
  if (!(min > 0) || !(max > 0)) return [0.1, 100];
  const lo = 10 ** Math.floor(Math.log10(min) - 0.25);
  const hi = 10 ** Math.ceil(Math.log10(max) + 0.01);
  return [lo, Math.max(hi, lo * 10)];
}

/**
 * el: container; options: title, log (E on a log scale), percent (accuracy axis 0–100 %),
 * series: [{label, color, dash}], marker: () => iteration or null.
 */
export function lineChart(el, options) {
  const series = [{ label: options.xLabel }].concat(options.series.map((s) => ({
    label: s.label,
    stroke: s.color,
    width: 2,
    dash: s.dash,
    spanGaps: false,
    value: (u, v) => (v == null ? '–' : options.percent ? `${(v * 100).toFixed(1)} %` : v.toPrecision(4)),
  })));
  const opts = {
    title: options.title,
    width: Math.max(280, el.clientWidth || 600),
    height: options.height || 220,
    series,
    scales: {
      x: { time: false },
      y: options.percent ? { range: [0, 1] } : options.log ? { distr: 3, range: (u, min, max) => logRange(min, max) } : { distr: 1 },
    },
    axes: [
      { label: options.xLabel },
      options.percent ? { values: (u, ticks) => ticks.map((v) => `${Math.round(v * 100)}%`) }
        : options.log ? { values: decades, size: 70 } : {},
    ],
    legend: { live: true },
    hooks: {
      draw: [(u) => {
        const k = options.marker ? options.marker() : null;
        if (k === null || k === undefined) return;
        const x = u.valToPos(k, 'x', true);
        const ctx = u.ctx;
        ctx.save();
        ctx.strokeStyle = '#6b46c1';
        ctx.lineWidth = 2;
        ctx.setLineDash([4, 4]);
        ctx.beginPath();
        ctx.moveTo(x, u.bbox.top);
        ctx.lineTo(x, u.bbox.top + u.bbox.height);
        ctx.stroke();
        ctx.restore();
      }],
    },
  };
  let data = [[0], ...options.series.map(() => [null])];
  const plot = new uPlot(opts, data, el);
  el.uplotScale = () => ({ min: plot.scales.y.min, max: plot.scales.y.max }); // for tests: the y axis shown
  const ro = new ResizeObserver(() => {
    const w = Math.max(280, el.clientWidth);
    if (Math.abs(w - plot.width) > 2) plot.setSize({ width: w, height: opts.height });
  });
  ro.observe(el);
  return {
    plot,
    /** ys: one array per series (shorter ones are padded with gaps); the x axis spans at least minLength points. */
    set(ys, minLength = 1) {
      const n = Math.max(1, minLength, ...ys.map((y) => (y ? y.length : 0)));
      const x = Array.from({ length: n }, (_, i) => i);
      data = [x, ...ys.map((y) => {
        const a = new Array(n).fill(null);
        if (y) {
          for (let i = 0; i < y.length; i++) {
            a[i] = options.log && !(y[i] > 0) ? null : y[i];
          }
        }
        return a;
      })];
      plot.setData(data, true);
    },
    redraw() { plot.redraw(false, false); },
    destroy() { ro.disconnect(); plot.destroy(); },
  };
}
