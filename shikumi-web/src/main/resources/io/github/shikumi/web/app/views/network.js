// Network: the diagram of the layers at the iteration shown, for the selected image.
import { h, touchOnly } from '../fmt.js';
import { diagram, legend } from '../diagram.js';
import { imagePicker, selectedImage, follow, sessionData } from './common.js';
import * as state from '../state.js';

let el;
let app;
let info = '';
let seq = 0;

async function render() {
  const my = ++seq;
  const t = app.t;
  const data = await sessionData(app);
  const img = selectedImage(app, data.images.length, 0);
  const k = app.at();
  const net = await app.act(() => app.s.network(k, img));
  if (my !== seq) return;
  const infoBox = h('pre', { class: 'info', id: 'network-info', 'aria-live': 'polite' }, info || t(touchOnly() ? 'network.infoEmptyTouch' : 'network.infoEmpty'));
  el.replaceChildren(
    h('h2', { id: 'h-network' }, t('network.title')),
    h('p', { class: 'intro' }, t('network.intro')),
    imagePicker(app, data, img, (n) => state.update({ img: n }), { allowNone: true, id: 'network-image' }),
    h('p', { class: 'caption' }, t('network.caption', { k, label: img >= 0 ? data.images[img].label : '–' })),
    legend(t),
    h('div', { class: 'columns' },
      diagram(net, t, (text) => { info = text; infoBox.textContent = text; }),
      h('aside', { class: 'panel' }, h('h3', {}, t('network.infoTitle')), infoBox)));
}

export default {
  mount(root, a) {
    el = root;
    app = a;
    follow(app, el, render);
    app.on('session', () => { if (!el.hidden) render(); });
  },
  show() { render(); },
  relabel() { if (!el.hidden) render(); },
};
