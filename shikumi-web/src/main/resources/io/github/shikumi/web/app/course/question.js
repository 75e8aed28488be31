// One question per lesson, checked in the page: a number (within a tolerance) or a choice. A wrong answer
// shows the hint; "Show the worked answer" shows the working. Texts: PREFIX.q, .hint, .worked, .choiceN.
import { h } from '../fmt.js';

/** Reads a typed number: "0.8", "0,8", "−0.032", "1e-3", with spaces around. NaN when it is not one. */
export function parseAnswer(text) {
  const s = String(text).trim().replace(/[−–]/g, '-').replace(/,/g, '.').replace(/\s+/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return Number.NaN;
  return Number(s);
}

/**
 * spec: {kind: 'number', answer: () => number, tol} or {kind: 'choice', choices: n, answer: () => index};
 * answer may depend on live numbers (it is asked when the learner checks). onRight() runs on a right answer.
 */
export function question(ctx, spec, prefix, onRight) {
  const { t } = ctx;
  const feedback = h('p', { class: 'feedback', id: 'q-feedback', role: 'status', 'aria-live': 'polite' });
  const hint = h('p', { class: 'hint-box', id: 'q-hint', hidden: true }, t(`${prefix}.hint`));
  const worked = h('div', { class: 'worked', id: 'q-worked', hidden: true });
  let input;
  let field;
  if (spec.kind === 'choice') {
    field = h('fieldset', { class: 'choices' }, h('legend', { class: 'visually-hidden' }, t(`${prefix}.q`)),
      Array.from({ length: spec.choices }, (_, i) => h('label', { class: 'check choice' },
        h('input', { type: 'radio', name: 'q-choice', value: String(i), id: `q-choice-${i}` }), ' ',
        t(`${prefix}.choice${['A', 'B', 'C', 'D'][i]}`))));
  } else {
    input = h('input', {
      type: 'text', id: 'q-answer', inputmode: 'decimal', autocomplete: 'off', 'aria-describedby': 'q-feedback',
      'aria-labelledby': 'q-prompt',
    });
    field = h('div', { class: 'toolbar' }, h('label', { for: 'q-answer' }, t('course.answerLabel')), input);
  }
  const check = () => {
    let right;
    if (spec.kind === 'choice') {
      const picked = field.querySelector('input:checked');
      if (!picked) {
        feedback.className = 'feedback wrong';
        feedback.textContent = t('course.pickOne');
        return;
      }
      right = Number(picked.value) === spec.answer();
    } else {
      const v = parseAnswer(input.value);
      if (Number.isNaN(v)) {
        feedback.className = 'feedback wrong';
        feedback.textContent = t('course.notANumber');
        input.setAttribute('aria-invalid', 'true');
        return;
      }
      input.removeAttribute('aria-invalid');
      right = Math.abs(v - spec.answer()) <= spec.tol;
    }
    feedback.className = `feedback ${right ? 'right' : 'wrong'}`;
    feedback.textContent = right ? t('course.right') : t('course.wrong');
    hint.hidden = right;
    if (right) onRight();
  };
  const form = h('form', {
    class: 'question panel', id: 'q-form', novalidate: true,
    onsubmit: (e) => { e.preventDefault(); check(); },
  },
  h('h3', {}, t('course.question')),
  h('p', { id: 'q-prompt' }, t(`${prefix}.q`)),
  field,
  h('div', { class: 'toolbar' },
    h('button', { type: 'submit', id: 'q-check', class: 'primary' }, t('course.check')),
    h('button', {
      type: 'button', id: 'q-show',
      onclick: () => {
        worked.replaceChildren(...t(`${prefix}.worked`).split('\n').map((line) => h('p', { class: 'formula' }, line)));
        worked.hidden = false;
      },
    }, t('course.showWorked'))),
  feedback, hint, worked);
  return form;
}
