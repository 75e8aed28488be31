// The network as a picture: the input image as a grid of pixels, then each layer's units; every edge
// coloured by the sign of its weight (orange +, blue −) and as thick as |w|; each unit shows θ and, for
// the selected image, s and z. Hover shows exact values; click, tap or Enter puts them in the info panel.
import { s, h, num, exact } from './fmt.js';

const POS = '#e8710a';
const NEG = '#1a73e8';
const MAX_EDGES = 4000;

/**
 * net: /network answer (sizes, labels, layers[{name, weights, thresholds}], activations?).
 * t: translation function. onInfo(text): called with the exact values of what was picked.
 */
export function diagram(net, t, onInfo, { compact = false } = {}) {
  const sizes = net.sizes;
  const act = net.activations;
  const H = net.height;
  const W = net.width;
  const cell = Math.max(6, Math.min(28, Math.floor(260 / Math.max(H, W))));
  const gridW = W * cell;
  const gridH = H * cell;
  const maxUnits = Math.max(...sizes.slice(1));
  const gap = compact ? 46 : 64;
  const height = Math.max(gridH + 40, maxUnits * gap + 40);
  const width = compact ? 560 : 820;
  const layerX = [];
  const x0 = 20 + gridW;
  for (let l = 1; l < sizes.length; l++) {
    layerX[l] = x0 + ((width - 90 - x0) * l) / (sizes.length - 1);
  }
  const gridTop = (height - gridH) / 2;
  const inputPos = (i) => [20 + (i % W) * cell + cell / 2, gridTop + Math.floor(i / W) * cell + cell / 2];
  const unitPos = (l, j) => [layerX[l], height / 2 + (j - (sizes[l] - 1) / 2) * gap];
  const pos = (l, j) => (l === 0 ? inputPos(j) : unitPos(l, j));
  const svg = s('svg', {
    viewBox: `0 0 ${width} ${height}`,
    class: 'diagram',
    role: 'img',
    'aria-label': t('network.aria', { shape: sizes.join('-') }),
  });
  const edges = s('g', { class: 'edges' });
  svg.append(edges);
  let total = 0;
  for (let l = 0; l < net.layers.length; l++) total += sizes[l] * sizes[l + 1];
  net.layers.forEach((layer, l) => {
    const maxW = Math.max(1e-9, ...layer.weights.flat().map(Math.abs));
    if (l === 0 && total > MAX_EDGES) return; // too many to draw: the units' details list them
    layer.weights.forEach((row, j) => {
      row.forEach((w, i) => {
        const [xa, ya] = pos(l, i);
        const [xb, yb] = pos(l + 1, j);
        const name = `w${layer.name}[${j + 1}][${i + 1}]`;
        const line = s('line', {
          x1: xa, y1: ya, x2: xb - 18, y2: yb,
          stroke: w >= 0 ? POS : NEG,
          'stroke-width': (0.4 + 6 * Math.abs(w) / maxW).toFixed(2),
          'stroke-opacity': (0.25 + 0.7 * Math.abs(w) / maxW).toFixed(2),
          class: 'edge',
          onclick: () => onInfo(`${name} = ${exact(w)}`),
        }, s('title', {}, `${name} = ${exact(w)}`));
        edges.append(line);
      });
    });
  });
  // the input image
  const x = act ? act.x : null;
  for (let i = 0; i < sizes[0]; i++) {
    const [cx, cy] = inputPos(i);
    const v = x ? x[i] : 0;
    svg.append(s('rect', {
      x: cx - cell / 2, y: cy - cell / 2, width: cell, height: cell,
      class: `input${v >= 0.5 ? ' on' : ''}`,
      onclick: () => onInfo(`x${i + 1} = ${x ? exact(v) : '–'}`),
    }, s('title', {}, `x${i + 1}${x ? ` = ${exact(v)}` : ''}`)));
  }
  svg.append(s('text', { x: 20, y: gridTop - 8, class: 'layer-name' }, t('network.inputs', { n: sizes[0] })));
  // the units
  net.layers.forEach((layer, l) => {
    const L = l + 1;
    const [lx] = unitPos(L, 0);
    svg.append(s('text', { x: lx, y: 16, class: 'layer-name', 'text-anchor': 'middle' },
      l === net.layers.length - 1 ? t('network.outputLayer') : t('network.hiddenLayer', { name: layer.name })));
    layer.thresholds.forEach((theta, j) => {
      const [cx, cy] = unitPos(L, j);
      const sj = act ? act.layers[l].s[j] : null;
      const zj = act ? act.layers[l].z[j] : null;
      const unitName = l === net.layers.length - 1 ? `z${j + 1} (${net.labels[j]})` : `h${j + 1}`;
      const incoming = layer.weights[j].map((w, i) => `w${layer.name}[${j + 1}][${i + 1}] = ${exact(w)}`).join('\n');
      const details = [
        `${layer.name}${j + 1}: ${unitName}`,
        `θ${layer.name}[${j + 1}] = ${exact(theta)}`,
        act ? `s = ${exact(sj)}` : null,
        act ? `z = ${exact(zj)}` : null,
        incoming,
      ].filter(Boolean).join('\n');
      const fill = zj === null ? '#fff' : `rgb(${Math.round(255 - 200 * zj)}, ${Math.round(255 - 200 * zj)}, ${Math.round(255 - 120 * zj)})`;
      const g = s('g', {
        class: 'unit', tabindex: '0', role: 'button',
        'aria-label': `${unitName}, θ = ${num(theta)}${act ? `, s = ${num(sj)}, z = ${num(zj)}` : ''}`,
        onclick: () => onInfo(details),
        onkeydown: (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onInfo(details); } },
      });
      g.append(s('title', {}, details));
      g.append(s('circle', { cx, cy, r: 18, fill, class: 'unit-circle' }));
      g.append(s('text', { x: cx, y: cy + 4, 'text-anchor': 'middle', class: `unit-name${zj !== null && zj > 0.5 ? ' light' : ''}` },
        l === net.layers.length - 1 ? net.labels[j] : `h${j + 1}`));
      g.append(s('rect', { x: cx + 21, y: cy - 18, width: 74, height: act ? 46 : 17, rx: 3, class: 'value-box' }));
      g.append(s('text', { x: cx + 24, y: cy - 6, class: 'unit-value' }, `θ ${num(theta, 3)}`));
      if (act) {
        g.append(s('text', { x: cx + 24, y: cy + 8, class: 'unit-value' }, `s ${num(sj, 3)}`));
        g.append(s('text', { x: cx + 24, y: cy + 22, class: 'unit-value strong' }, `z ${num(zj, 3)}`));
      }
      svg.append(g);
    });
  });
  return h('div', { class: 'diagram-wrap' }, svg,
    total > MAX_EDGES ? h('p', { class: 'note' }, t('network.tooManyEdges', { n: total })) : null);
}

/** The colour legend. */
export function legend(t) {
  return h('p', { class: 'legend' },
    h('span', { class: 'swatch pos', 'aria-hidden': 'true' }), t('network.legendPos'), ' ',
    h('span', { class: 'swatch neg', 'aria-hidden': 'true' }), t('network.legendNeg'), ' ',
    t('network.legendWidth'));
}
