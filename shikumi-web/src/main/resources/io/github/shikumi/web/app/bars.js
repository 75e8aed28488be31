// Outputs z_1 … z_K as horizontal bars with their values; the predicted label is marked.
import { h, num } from './fmt.js';

export function outputBars(labels, outputs, { target = -1, compact = false } = {}) {
  let best = 0;
  outputs.forEach((z, k) => { if (z > outputs[best]) best = k; });
  return h('ul', { class: `bars${compact ? ' compact' : ''}` },
    labels.map((label, k) => h('li', { class: `${k === best ? 'best' : ''} ${k === target ? 'target' : ''}` },
      h('span', { class: 'bar-label' }, label),
      h('span', { class: 'bar-track', 'aria-hidden': 'true' },
        h('span', { class: 'bar-fill', style: `width: ${(Math.max(0, Math.min(1, outputs[k])) * 100).toFixed(1)}%` })),
      h('span', { class: 'bar-value', title: String(outputs[k]) }, compact ? outputs[k].toFixed(3) : num(outputs[k], 3)))));
}
