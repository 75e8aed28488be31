// Data: the training images as a gallery grouped by label; add, edit (click pixels) and delete images;
// import and export the bitmap text file; choose a bundled set. Edits change this tab's copy only.
import { h } from '../fmt.js';
import { pixelGrid, thumbnail, rowsText } from '../grid.js';
import * as state from '../state.js';

let el;
let app;
let data = null;
let editing = null; // {n: index or -1 for a new image, pixels, label}

async function load() {
  data = await app.act(() => app.s.data());
  render();
}

function render() {
  if (!data) return;
  const t = app.t;
  el.replaceChildren();
  el.append(h('h2', { id: 'h-data' }, t('data.title')));
  el.append(h('p', { class: 'intro' }, t('data.intro')));
  const select = h('select', { id: 'data-select' },
    app.datasets.map((d) => h('option', { value: d.name, selected: d.name === data.name && data.bundled },
      t('data.bundledOption', { name: d.name, n: d.size, shape: `${d.height}×${d.width}` }))),
    data.bundled ? null : h('option', { value: '', selected: true, disabled: true }, data.name),
    (app.imageSets || []).map((d) => h('option', { value: `images:${d.name}` },
      t('data.imagesOption', { name: d.name, n: d.size, shape: `${d.height}×${d.width}` }))));
  const file = h('input', { type: 'file', id: 'data-file', accept: '.txt,text/plain', class: 'visually-hidden' });
  file.addEventListener('change', async () => {
    const f = file.files[0];
    if (!f) return;
    const text = await f.text();
    await app.act(() => app.s.importText(f.name, text));
    editing = null;
    await app.refresh();
  });
  el.append(h('div', { class: 'toolbar' },
    h('label', { for: 'data-select' }, t('data.choose')), select,
    h('button', {
      type: 'button', id: 'data-load',
      onclick: async () => {
        if (!select.value) return;
        if (select.value.startsWith('images:')) { state.update({ view: 'images' }, true); return; } // large data: own view
        await app.act(() => app.s.select(select.value));
        state.update({ data: select.value, n: null, at: null });
        editing = null;
        await app.refresh();
      },
    }, t('data.load')),
    h('label', { for: 'data-file', class: 'button', tabindex: '0', role: 'button',
      onkeydown: (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); file.click(); } } }, t('data.import')),
    file,
    h('a', { class: 'button', href: app.s.dataUrl(), download: '' }, t('data.export')),
    h('button', { type: 'button', id: 'data-new', onclick: () => openEditor(-1) }, t('data.new'))));
  el.append(h('p', { class: 'note' }, t('data.note', { name: data.name })));
  if (editing) el.append(editor());
  const byLabel = data.labels.map(() => []);
  data.images.forEach((img, n) => byLabel[data.labels.indexOf(img.label)].push(n));
  el.append(h('p', {}, t('data.summary', { n: data.images.length, shape: `${data.height}×${data.width}`, k: data.labels.length })));
  data.labels.forEach((label, k) => {
    el.append(h('h3', {}, t('data.labelGroup', { label, n: byLabel[k].length })));
    el.append(h('ul', { class: 'gallery', 'aria-label': t('data.labelGroup', { label, n: byLabel[k].length }) },
      byLabel[k].map((n) => h('li', {},
        h('button', {
          type: 'button', class: `thumb-button${editing && editing.n === n ? ' selected' : ''}`,
          dataset: { image: String(n) },
          'aria-label': t('data.imageAria', { n, label, rows: rowsText(data.images[n].pixels, data.width) }),
          onclick: () => openEditor(n),
        }, thumbnail(data.images[n].pixels, data.height, data.width, data.width > 12 ? 2 : 6),
        h('span', { class: 'thumb-index' }, String(n)))))));
  });
}

function openEditor(n) {
  const img = n >= 0 ? data.images[n] : null;
  editing = {
    n,
    pixels: img ? img.pixels.slice() : new Array(data.height * data.width).fill(0),
    label: img ? img.label : data.labels[0],
  };
  render();
  el.querySelector('.editor .px').focus();
}

function editor() {
  const t = app.t;
  const grid = pixelGrid({
    height: data.height,
    width: data.width,
    pixels: editing.pixels,
    editable: true,
    cell: data.width > 12 ? 14 : 40,
    label: t('data.gridAria'),
    onToggle: (i) => {
      editing.pixels[i] = editing.pixels[i] ? 0 : 1;
      grid.set(editing.pixels);
    },
  });
  const label = h('input', {
    id: 'edit-label', type: 'text', value: editing.label, maxlength: '20', list: 'label-list', size: '6',
    oninput: () => { editing.label = label.value.trim(); },
  });
  const done = async (f) => {
    await app.act(f);
    editing = null;
    await app.refresh();
  };
  return h('section', { class: 'editor panel', 'aria-labelledby': 'edit-title' },
    h('h3', { id: 'edit-title' }, editing.n >= 0 ? t('data.editTitle', { n: editing.n }) : t('data.newTitle')),
    h('p', { class: 'hint' }, t('data.editHint')),
    grid,
    h('div', { class: 'toolbar' },
      h('label', { for: 'edit-label' }, t('data.label')), label,
      h('datalist', { id: 'label-list' }, data.labels.map((l) => h('option', { value: l }))),
      editing.n >= 0 ? h('button', { type: 'button', id: 'edit-save', class: 'primary',
        onclick: () => done(() => app.s.editImage(editing.n, editing.label, editing.pixels)) }, t('data.save')) : null,
      h('button', { type: 'button', id: 'edit-add', class: editing.n >= 0 ? '' : 'primary',
        onclick: () => done(() => app.s.addImage(editing.label, editing.pixels)) }, t('data.addNew')),
      editing.n >= 0 ? h('button', { type: 'button', id: 'edit-delete', class: 'danger',
        onclick: () => done(() => app.s.deleteImage(editing.n)) }, t('data.delete')) : null,
      h('button', { type: 'button', id: 'edit-close', onclick: () => { editing = null; render(); } }, t('data.close'))),
    h('p', { class: 'note' }, t('data.restartNote')));
}

let version = -1;

export default {
  mount(root, a) {
    el = root;
    app = a;
    app.on('session', () => {
      if (app.summary.data.version !== version) {
        version = app.summary.data.version;
        if (!el.hidden) load(); else data = null;
      }
    });
  },
  show(a, st, changed) {
    if (!data || app.summary.data.version !== version) {
      version = app.summary.data.version;
      load();
    } else if (changed) {
      render();
    }
  },
  relabel() { render(); },
};
