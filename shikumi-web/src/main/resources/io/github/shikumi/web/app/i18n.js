// Every visible string in English and Japanese: i18n/en.json and i18n/ja.json (and course-en/-ja) hold the same keys
// (a test checks it). Elements carry data-i18n="key" (text) or data-i18n-aria="key" (aria-label).
let current = 'en';
const dicts = {};

export function lang() {
  return current;
}

export async function load(code) {
  if (!dicts[code]) {
    // the workbench's texts and the course's (i18n/course-*.json), one dictionary
    const [r, c] = await Promise.all([fetch(`i18n/${code}.json`), fetch(`i18n/course-${code}.json`)]);
    dicts[code] = { ...(await r.json()), ...(await c.json()) };
  }
  current = code;
  document.documentElement.lang = code;
}

/** The text of key in the page's language, with {name} placeholders filled from vars. */
export function t(key, vars) {
  const d = dicts[current] || {};
  let s = d[key];
  if (s === undefined) {
    console.warn(`missing text: ${key}`);
    s = key;
  }
  if (vars) {
    s = s.replace(/\{(\w+)\}/g, (m, name) => (vars[name] !== undefined ? String(vars[name]) : m));
  }
  return s;
}

/**
 * The text of key, or {@code fallback} when the page has no such text: a role core lists that the page has no
 * words for yet (a further activation or update rule) shows its own name instead of a missing text.
 */
export function tOr(key, fallback, vars) {
  const d = dicts[current] || {};
  return d[key] === undefined ? fallback : t(key, vars);
}

/** Fills every data-i18n element under root. */
export function apply(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-aria]').forEach((el) => { el.setAttribute('aria-label', t(el.dataset.i18nAria)); });
  root.querySelectorAll('[data-i18n-title]').forEach((el) => { el.title = t(el.dataset.i18nTitle); });
}

/** The language the browser prefers: Japanese for any ja-*, otherwise English. */
export function browserDefault() {
  const l = (navigator.languages && navigator.languages[0]) || navigator.language || 'en';
  return l.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
