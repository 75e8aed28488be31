// The page's state lives in the URL, so a view can be linked:
//   #/start (the course's start screen), #/course?l=3 (lesson 3), #/VIEW?lang=ja&data=aple&eta=0.05&hidden=3&seed=1&n=500&at=120&img=3&out=0&scale=log
// n = iterations trained (a fresh tab trains that far again), at = iteration shown (time travel);
// the Compare view's form: copt (optimisers), cdata, chidden, cseed, ceta, cn, czero=1, cpace=0.
const listeners = [];

/** The views' names, from the registry (views.json), set once by the page before it reads the URL. */
let VIEWS = ['start'];

export function setViews(ids) {
  VIEWS = ids.slice();
}

export function read() {
  const h = location.hash.startsWith('#/') ? location.hash.slice(2) : '';
  const [view, query] = h.split('?');
  const params = Object.fromEntries(new URLSearchParams(query || ''));
  return { view: VIEWS.includes(view) ? view : 'start', ...params };
}

/** Changes some keys (null removes one) and rewrites the URL without a new history entry. */
export function update(changes, push = false) {
  const s = read();
  const view = changes.view || s.view;
  const params = { ...s, ...changes };
  delete params.view;
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== '') q.set(k, v);
  }
  const hash = `#/${view}?${q.toString()}`;
  if (hash !== location.hash) {
    if (push) {
      location.hash = hash;
    } else {
      history.replaceState(null, '', hash);
      listeners.forEach((f) => f(read()));
    }
  }
}

export function onChange(f) {
  listeners.push(f);
  window.addEventListener('hashchange', () => f(read()));
}

export function int(value, fallback) {
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : fallback;
}

export function num(value, fallback) {
  const n = Number.parseFloat(value);
  return Number.isFinite(n) ? n : fallback;
}
