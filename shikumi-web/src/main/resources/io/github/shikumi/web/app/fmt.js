// Number formatting and small DOM helpers shared by the views.

const SUP = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };

/** A number with d significant digits, a true minus sign, no exponent for ordinary sizes. */
export function num(x, d = 4) {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  if (x === 0) return '0';
  const a = Math.abs(x);
  let s;
  if (a >= 1e-4 && a < 1e6) {
    s = Number(x.toPrecision(d)).toString();
  } else {
    const [m, e] = x.toExponential(d - 1).split('e');
    s = `${Number(m)}×10${[...String(Number(e))].map((c) => SUP[c]).join('')}`;
  }
  return s.replace(/-/g, '−');
}

/** A number in parentheses when negative, for substituted formulas: (−0.25). */
export function term(x, d = 4) {
  return x < 0 ? `(${num(x, d)})` : num(x, d);
}

/** The full double, for tooltips and "exact value" panels. */
export function exact(x) {
  return String(x).replace(/-/g, '−');
}

export function pct(x) {
  return `${(x * 100).toFixed(1)}\u00a0%`; // a no-break space: "%" never wraps onto a line of its own
}

/**
 * An event handler whose refusals by the server (an ApiError, already shown by app.act as one line) end
 * there instead of reaching the console as "Uncaught (in promise)"; any other error still does.
 */
function quiet(f) {
  return (e) => {
    const r = f(e);
    if (r && typeof r.catch === 'function') {
      r.catch((err) => {
        if (!(err && Number.isInteger(err.status))) throw err;
      });
    }
    return r;
  };
}

/** Creates an element: h('div', {class: 'x', onclick: f}, child, 'text', ...). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), quiet(v));
    else if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'text') el.textContent = v;
    else if (k === 'html') el.innerHTML = v;
    else if (k === 'style') el.style.cssText = v; // through the CSSOM: a Content-Security-Policy without 'unsafe-inline' allows it
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

const SVG = 'http://www.w3.org/2000/svg';

export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** Blue for negative, orange for positive, white at 0; |v| = scale is full colour. */
export function diverging(v, scale) {
  const t = Math.max(-1, Math.min(1, scale > 0 ? v / scale : 0));
  const [r, g, b] = t >= 0 ? [232, 113, 10] : [26, 115, 232];
  const a = Math.abs(t);
  const mix = (c) => Math.round(255 + (c - 255) * a);
  return `rgb(${mix(r)}, ${mix(g)}, ${mix(b)})`;
}

/** True on a touch screen without hover (a phone): hints then say "tap", never "hover". */
export function touchOnly() {
  return typeof matchMedia === 'function' && matchMedia('(hover: none)').matches;
}
