// Pieces several views share: the image picker, and a refresher that follows the run while it trains.
import { h } from '../fmt.js';
import * as state from '../state.js';

/** A labelled select of the data's images (index and label) with previous/next buttons. */
export function imagePicker(app, data, current, onPick, { allowNone = false, id = 'image-pick' } = {}) {
  const t = app.t;
  const select = h('select', { id, onchange: () => onPick(Number(select.value)) },
    allowNone ? h('option', { value: '-1', selected: current < 0 }, t('picker.none')) : null,
    data.images.map((img, n) => h('option', { value: String(n), selected: n === current },
      t('picker.option', { n, label: img.label }))));
  const move = (d) => {
    const n = Math.min(data.images.length - 1, Math.max(allowNone ? -1 : 0, current + d));
    onPick(n);
  };
  return h('div', { class: 'toolbar picker' },
    h('label', { for: id }, t('picker.label')),
    h('button', { type: 'button', 'aria-label': t('picker.prev'), onclick: () => move(-1) }, '◀'),
    select,
    h('button', { type: 'button', 'aria-label': t('picker.next'), onclick: () => move(1) }, '▶'));
}

/** The selected image from the URL (?img=), within range. */
export function selectedImage(app, size, fallback = 0) {
  const n = state.int(state.read().img, fallback);
  return n >= -1 && n < size ? n : fallback;
}

/**
 * Calls f at most every `ms` while a run progresses (only when the view is visible and shows the
 * latest iteration), and once more when it ends.
 */
export function follow(app, el, f, ms = 400) {
  let timer = null;
  let pending = false;
  app.on('progress', (p) => {
    if (el.hidden || state.read().at !== undefined) return;
    if (!p.running) {
      clearTimeout(timer);
      timer = null;
      f();
      return;
    }
    if (timer) { pending = true; return; }
    f();
    timer = setTimeout(() => { timer = null; if (pending) { pending = false; f(); } }, ms);
  });
}

/** Session data (the images), cached per data version. */
let dataCache = { version: -1, data: null };

export async function sessionData(app) {
  if (dataCache.version !== app.summary.data.version || dataCache.id !== app.s.id) {
    const d = await app.act(() => app.s.data());
    dataCache = { version: app.summary.data.version, id: app.s.id, data: d };
  }
  return dataCache.data;
}

/**
 * The field's value when it is valid, else null with the field marked and a message that uses the label
 * the learner sees ("Learning rate η must be more than 0"); nothing invalid is sent to the session (a
 * refused request would also log a failed resource in the console). field: an element holding the input
 * and a .field-error element.
 */
export function checkedField(app, field, labelKey, { integer = false, min, max, above = false }) {
  const t = app.t;
  const input = field.querySelector('input');
  const msg = field.querySelector('.field-error');
  const raw = input.value.trim();
  const v = Number(raw);
  let error = null;
  if (raw === '' || !Number.isFinite(v)) error = t('train.invalid.number', { label: t(labelKey) });
  else if (integer && !Number.isInteger(v)) error = t('train.invalid.integer', { label: t(labelKey) });
  else if (above && !(v > min)) error = t('train.invalid.above', { label: t(labelKey), min: String(min) });
  else if (!above && v < min) error = t('train.invalid.range', { label: t(labelKey), min: String(min), max: max.toLocaleString('en-US') });
  else if (v > max) error = t('train.invalid.range', { label: t(labelKey), min: String(min), max: max.toLocaleString('en-US') });
  if (error) {
    input.setAttribute('aria-invalid', 'true');
    msg.textContent = error;
    msg.hidden = false;
    return null;
  }
  input.removeAttribute('aria-invalid');
  msg.hidden = true;
  return v;
}
