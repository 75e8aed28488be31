// Bitmaps: a keyboard-accessible pixel grid (one tab stop; arrows move; Space or Enter toggles a pixel),
// and small canvas thumbnails for galleries.
import { h } from './fmt.js';

/**
 * A grid of pixel buttons. options: height, width, pixels (0/1 or colours via colour(i)), editable,
 * onToggle(i), label (accessible name), cell (px), title(i) for hover text, colour(i) for a heat map.
 */
export function pixelGrid(opts) {
  const { height, width } = opts;
  const cell = opts.cell || 36;
  const grid = h('div', {
    class: `pixel-grid${opts.editable ? ' editable' : ''}`,
    role: 'group',
    'aria-label': opts.label || '',
    style: `grid-template-columns: repeat(${width}, ${cell}px); grid-auto-rows: ${cell}px;`,
  });
  let active = 0;
  const cells = [];
  for (let i = 0; i < height * width; i++) {
    const b = h('button', {
      type: 'button',
      class: 'px',
      tabindex: i === 0 ? '0' : '-1',
      'aria-label': `${Math.floor(i / width) + 1}-${(i % width) + 1}`,
      dataset: { i: String(i) },
    });
    if (!opts.editable) b.setAttribute('aria-disabled', 'true');
    b.addEventListener('click', () => {
      focusCell(i);
      if (opts.editable && opts.onToggle) opts.onToggle(i);
    });
    cells.push(b);
    grid.append(b);
  }
  function focusCell(i) {
    cells[active].tabIndex = -1;
    active = i;
    cells[active].tabIndex = 0;
    cells[active].focus();
  }
  grid.addEventListener('keydown', (e) => {
    const r = Math.floor(active / width);
    const c = active % width;
    const moves = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] };
    if (moves[e.key]) {
      const [dr, dc] = moves[e.key];
      const nr = Math.min(height - 1, Math.max(0, r + dr));
      const nc = Math.min(width - 1, Math.max(0, c + dc));
      focusCell(nr * width + nc);
      e.preventDefault();
    }
  });
  grid.set = (pixels) => {
    pixels.forEach((v, i) => {
      cells[i].classList.toggle('on', v >= 0.5);
      if (opts.editable) cells[i].setAttribute('aria-pressed', v >= 0.5 ? 'true' : 'false');
      if (opts.colour) cells[i].style.background = opts.colour(i);
      if (opts.title) cells[i].title = opts.title(i);
    });
  };
  grid.paint = () => {
    cells.forEach((cellEl, i) => {
      if (opts.colour) cellEl.style.background = opts.colour(i);
      if (opts.title) {
        cellEl.title = opts.title(i);
        cellEl.setAttribute('aria-label', opts.title(i));
      }
    });
  };
  if (opts.pixels) grid.set(opts.pixels);
  return grid;
}

/** A small picture of a bitmap (scale px per pixel). */
export function thumbnail(pixels, height, width, scale = 6) {
  const c = h('canvas', { width: String(width * scale), height: String(height * scale), class: 'thumb', 'aria-hidden': 'true' });
  const g = c.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, c.width, c.height);
  g.fillStyle = '#1b1b1f';
  for (let i = 0; i < pixels.length; i++) {
    if (pixels[i] >= 0.5) g.fillRect((i % width) * scale, Math.floor(i / width) * scale, scale, scale);
  }
  return c;
}

/** The bitmap as text rows (#/.) for accessible names. */
export function rowsText(pixels, width) {
  let s = '';
  for (let i = 0; i < pixels.length; i++) {
    s += pixels[i] >= 0.5 ? '#' : '.';
    if ((i + 1) % width === 0 && i + 1 < pixels.length) s += ' ';
  }
  return s;
}
