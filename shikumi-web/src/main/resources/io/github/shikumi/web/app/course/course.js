// The course: a start screen (#/start) and nine lessons (#/course?l=1 … 9), each one screen with a few
// sentences, one live widget, one question the page checks (hint on a wrong answer, the worked answer on
// request), and Previous / Next. Progress is kept in localStorage; texts are in i18n/course-*.json.
import { h } from '../fmt.js';
import * as state from '../state.js';
import { LESSONS } from './lessons.js';
import { question } from './question.js';

const PROGRESS_KEY = 'shikumi.course';

/** The learner's progress: {done: [lesson numbers answered right], last: lesson last opened}. */
export function progress() {
  try {
    const p = JSON.parse(localStorage.getItem(PROGRESS_KEY) || '{}');
    return { done: Array.isArray(p.done) ? p.done.filter(Number.isInteger) : [], last: Number.isInteger(p.last) ? p.last : 0 };
  } catch (e) {
    return { done: [], last: 0 };
  }
}

function save(p) {
  try {
    localStorage.setItem(PROGRESS_KEY, JSON.stringify(p));
  } catch (e) {
    // storage full or blocked: progress is not kept, the course still works
  }
}

export function markDone(n) {
  const p = progress();
  if (!p.done.includes(n)) p.done.push(n);
  p.done.sort((a, b) => a - b);
  save(p);
}

function markOpened(n) {
  const p = progress();
  p.last = n;
  save(p);
}

/** A link to a view with the page's other URL keys (language, settings) kept. */
export function hrefTo(view, changes = {}) {
  const st = state.read();
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...st, ...changes })) {
    if (k !== 'view' && k !== 'l' && v !== null && v !== undefined && v !== '') q.set(k, v);
  }
  if (changes.l) q.set('l', changes.l);
  return `#/${view}?${q.toString()}`;
}

/** The lesson number asked for by ?l=, within 1 … 9. */
export function lessonNumber() {
  const n = state.int(state.read().l, 1);
  return Math.min(LESSONS.length, Math.max(1, n));
}

// ---- the start screen -------------------------------------------------------------------------------

export const startView = {
  mount(root, app) { this.el = root; this.app = app; },
  show() { this.render(); },
  relabel() { if (!this.el.hidden) this.render(); },
  render() {
    const t = this.app.t;
    const p = progress();
    const next = p.done.length === 0 ? 1 : (LESSONS.findIndex((l, i) => !p.done.includes(i + 1)) + 1 || LESSONS.length);
    this.el.replaceChildren(
      h('h2', { id: 'h-start' }, t('start.title')),
      h('p', { class: 'lead' }, t('start.lead')),
      h('div', { class: 'start-actions' },
        h('a', { class: 'button primary big', id: 'start-course', href: hrefTo('course', { l: next }) },
          p.done.length ? t('start.continue', { n: next }) : t('start.course')),
        h('a', { class: 'button big', id: 'start-workbench', href: hrefTo('data') }, t('start.workbench'))),
      h('p', { class: 'note' }, t('start.workbenchNote')),
      h('h3', {}, t('start.lessons')),
      h('ol', { class: 'lesson-list', id: 'course-lessons' }, LESSONS.map((l, i) => h('li', {},
        h('a', { href: hrefTo('course', { l: i + 1 }), id: `lesson-link-${i + 1}` }, t(`course.${l.id}.title`)),
        p.done.includes(i + 1) ? h('span', { class: 'done', 'aria-label': t('start.doneAria') }, ' ✓') : null))),
      h('p', { class: 'note', id: 'start-progress' }, t('start.progress', { done: p.done.length, n: LESSONS.length }),
        ' ', p.done.length ? h('button', {
          type: 'button', id: 'start-reset', class: 'linkish',
          onclick: () => { save({ done: [], last: 0 }); this.render(); },
        }, t('start.reset')) : null));
  },
};

// ---- a lesson -----------------------------------------------------------------------------------------

let shown = null; // {n, lesson, dispose}

export const courseView = {
  mount(root, app) { this.el = root; this.app = app; },
  show(app, st, changedView) {
    const n = lessonNumber();
    if (!changedView && shown && shown.n === n && shown.lang === app.t('course.langTag')) return;
    this.render(n);
  },
  relabel() { if (!this.el.hidden) this.render(lessonNumber()); },
  render(n) {
    const app = this.app;
    const t = app.t;
    if (shown && shown.dispose) shown.dispose();
    const lesson = LESSONS[n - 1];
    markOpened(n);
    const widget = h('div', { class: 'lesson-widget', id: 'lesson-widget' });
    const ctx = { app, t, el: widget, disposers: [] };
    const done = progress().done.includes(n);
    const nextLink = n < LESSONS.length
      ? h('a', { class: `button${done ? ' primary' : ''}`, id: 'course-next', href: hrefTo('course', { l: n + 1 }), rel: 'next' }, t('course.next'))
      : h('a', { class: `button${done ? ' primary' : ''}`, id: 'course-next', href: hrefTo('start') }, t('course.finish'));
    const q = question(ctx, lesson.question, `course.${lesson.id}`, () => {
      markDone(n);
      nextLink.classList.add('primary');
      counter.textContent = t('course.counter', { n, of: LESSONS.length, done: progress().done.length });
    });
    const counter = h('span', { class: 'counter', id: 'course-counter' }, t('course.counter', { n, of: LESSONS.length, done: progress().done.length }));
    this.el.replaceChildren(
      h('nav', { class: 'course-top', 'aria-label': t('course.navAria') },
        h('a', { href: hrefTo('start'), id: 'course-home' }, t('course.home')), counter),
      h('h2', { id: 'h-course' }, t('course.lessonHeading', { n, title: t(`course.${lesson.id}.title`) })),
      h('div', { class: 'lesson-text', id: 'lesson-text' },
        t(`course.${lesson.id}.text`).split('\n\n').map((para) => h('p', {}, para))),
      widget,
      q,
      h('nav', { class: 'course-nav', 'aria-label': t('course.pagerAria') },
        n > 1 ? h('a', { class: 'button', id: 'course-prev', href: hrefTo('course', { l: n - 1 }), rel: 'prev' }, t('course.prev')) : h('span'),
        nextLink));
    shown = { n, lesson, lang: t('course.langTag'), dispose: () => ctx.disposers.forEach((f) => f()) };
    document.title = `${t(`course.${lesson.id}.title`)} · shikumi`;
    Promise.resolve(lesson.widget(ctx)).catch((e) => {
      widget.append(h('p', { class: 'bad', role: 'alert' }, e.message));
    }).finally(() => {
      widget.dataset.readyMs = String(Math.round(performance.now())); // after navigation start: the speed tests read it
      widget.dataset.ready = 'true';
    });
  },
  leave() {
    if (shown && shown.dispose) shown.dispose();
    shown = null;
  },
};
