// What a share link holds beyond the settings, so that it reopens the same numbers bit for bit:
//   runs=50:0.05,200:0.5  the run as segments of iterations and the η each used (a branch or a change
//                         of η in the middle), replayed in order from the seeded start;
//   was=120:0.05&br=40    after a branch: the run it left behind and the iteration it branched from, replayed
//                         first, then branched, so that the curve "before branching" is there again;
//   d=1… or d=2…          uploaded (1) or edited bundled (2, a copy of data=NAME) bitmap data (base64url of: labels, height, width, images as
//                         a label index and the pixels packed 8 to a byte), opened as the session's data.
// The iteration shown (at=) and the view are in the URL already.

/** The segments of equal η of a curve's η list (eta[k] = η used to reach iteration k; eta[0] is null). */
export function segments(eta, last) {
  const out = [];
  for (let k = 1; k <= last; k++) {
    const e = eta[k];
    if (out.length && out[out.length - 1].eta === e) out[out.length - 1].n++;
    else out.push({ n: 1, eta: e });
  }
  return out;
}

export function formatRuns(segs) {
  return segs.map((s) => `${s.n}:${s.eta}`).join(',');
}

/** The segments of a runs= value, or null when it is not one (then the link trains as n= says). */
export function parseRuns(text) {
  if (!text) return null;
  const segs = String(text).split(',').map((part) => {
    const [n, eta] = part.split(':');
    return { n: Number(n), eta: Number(eta) };
  });
  return segs.every((s) => Number.isInteger(s.n) && s.n > 0 && Number.isFinite(s.eta) && s.eta > 0) ? segs : null;
}

const b64 = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const unb64 = (text) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

/** The data (a /data answer with 0/1 pixels) as a d= value, or null when it is too large for a link. */
export function encodeData(data, edited, maxChars = 6000) {
  const enc = new TextEncoder();
  const bytes = [data.labels.length];
  for (const l of data.labels) {
    const b = enc.encode(l);
    bytes.push(b.length, ...b);
  }
  const n = data.images.length;
  bytes.push(data.height, data.width, n >> 8, n & 255);
  const px = data.height * data.width;
  for (const img of data.images) {
    bytes.push(data.labels.indexOf(img.label));
    for (let i = 0; i < px; i += 8) {
      let b = 0;
      for (let j = 0; j < 8 && i + j < px; j++) b |= (img.pixels[i + j] ? 1 : 0) << (7 - j);
      bytes.push(b);
    }
  }
  if (data.height > 255 || data.width > 255 || bytes.length * 4 / 3 > maxChars) return null;
  return `${edited ? 2 : 1}${b64(bytes)}`;
}

/** A d= value as bitmap text (the format the server imports), or null when it is not one. */
export function decodeData(text) {
  try {
    if (!text || (text[0] !== '1' && text[0] !== '2')) return null;
    const b = unb64(text.slice(1));
    const dec = new TextDecoder();
    let p = 0;
    const labels = [];
    const nl = b[p++];
    for (let i = 0; i < nl; i++) {
      const len = b[p++];
      labels.push(dec.decode(b.slice(p, p + len)));
      p += len;
    }
    const height = b[p++];
    const width = b[p++];
    const n = (b[p++] << 8) | b[p++];
    const px = height * width;
    const lines = [`# labels: ${labels.join(' ')}`];
    for (let m = 0; m < n; m++) {
      const label = labels[b[p++]];
      if (label === undefined) return null;
      const bits = [];
      for (let i = 0; i < px; i += 8) {
        const byte = b[p++];
        for (let j = 0; j < 8 && i + j < px; j++) bits.push((byte >> (7 - j)) & 1);
      }
      lines.push(label);
      for (let r = 0; r < height; r++) lines.push(bits.slice(r * width, (r + 1) * width).map((v) => (v ? '#' : '.')).join(''));
      lines.push('');
    }
    return p === b.length ? `${lines.join('\n')}\n` : null;
  } catch (e) {
    return null;
  }
}

// ---- the state file: the same, for data too large for a link -------------------------------------------

export const STATE_FORMAT = 'shikumi-state/1';

/** The state file's JSON: settings, data (as bitmap text when edited or uploaded), runs, iteration shown, view. */
export function stateFile(summary, curve, dataText, at, view) {
  const d = summary.data;
  return `${JSON.stringify({
    format: STATE_FORMAT,
    settings: summary.settings,
    data: { name: d.name, bundled: d.bundled, edited: d.edited, text: d.edited || !d.bundled ? dataText : null },
    runs: formatRuns(segments(curve.eta || [], summary.run.last)) || null,
    // after a branch: the run left behind and where it branched (the page rebuilds it, then branches)
    was: Number.isInteger(curve.branchedAt) && curve.branchedEta
      ? formatRuns(segments(curve.branchedEta, curve.branchedEta.length - 1)) : null,
    br: Number.isInteger(curve.branchedAt) ? curve.branchedAt : null,
    at,
    view,
  }, null, 1)}\n`;
}

/** A state file's contents, checked; null when it is not one. */
export function parseStateFile(text) {
  let s;
  try {
    s = JSON.parse(text);
  } catch (e) {
    return null;
  }
  const ok = s && s.format === STATE_FORMAT && s.settings && Number.isFinite(s.settings.eta)
    && Number.isInteger(s.settings.hidden) && Number.isInteger(s.settings.seed) && s.data && typeof s.data.name === 'string'
    && (s.runs === null || parseRuns(s.runs) !== null) && (s.data.text === null || typeof s.data.text === 'string')
    && (s.was === undefined || s.was === null || parseRuns(s.was) !== null)
    && (s.br === undefined || s.br === null || Number.isInteger(s.br));
  return ok ? s : null;
}
