// The nine lessons in the book's order: id (the prefix of its texts, course.ID.*), widget(ctx), question.
// Fixed answers are worked by hand in the texts (course.ID.worked); live answers are read from the
// session's numbers when the learner checks.
import { gdWidget } from './gd.js';
import { paramsWidget, errorWidget, deltaWidget, backwardsWidget } from './network-lessons.js';
import { solverWidget, macroWidget, beforeAfterWidget, drawWidget, live } from './training-lessons.js';

export const LESSONS = [
  // from (1, 2) on x² + y² with η = 0.1: Δx = −0.1·2·1 = −0.2, so x = 0.8
  { id: 'slope', widget: gdWidget, question: { kind: 'number', answer: () => 0.8, tol: 1e-3 } },
  // a 20-5-4 network: 20·5 + 5 + 5·4 + 4 = 129
  { id: 'params', widget: paramsWidget, question: { kind: 'number', answer: () => 129, tol: 0 } },
  // t = (1, 0, 0, 0), z = (0.6, 0.2, 0.1, 0.3): e = ½(0.16 + 0.04 + 0.01 + 0.09) = 0.15
  { id: 'error', widget: errorWidget, question: { kind: 'number', answer: () => 0.15, tol: 1e-3 } },
  // a forward-difference gradient of 79 parameters: E at p, then at p + h·e_i for each i: 80
  { id: 'solver', widget: solverWidget, question: { kind: 'number', answer: () => 80, tol: 0 } },
  // δO = −(t − z)·z(1 − z) = −(1 − 0.8)·0.8·0.2 = −0.032
  { id: 'delta', widget: deltaWidget, question: { kind: 'number', answer: () => -0.032, tol: 5e-4 } },
  // δH1 = (0.1·0.5 + (−0.2)·1)·0.5·(1 − 0.5) = −0.0375
  { id: 'backwards', widget: backwardsWidget, question: { kind: 'number', answer: () => -0.0375, tol: 5e-4 } },
  // 0.3 − 0.05·2 = 0.2
  { id: 'macro', widget: macroWidget, question: { kind: 'number', answer: () => 0.2, tol: 1e-3 } },
  // live: the training images the trained network still gets wrong
  { id: 'before', widget: beforeAfterWidget, question: { kind: 'number', answer: () => live.wrongAfter, tol: 0 } },
  // an orange pixel in the map of output k: turning it on raises z_k
  { id: 'draw', widget: drawWidget, question: { kind: 'choice', choices: 3, answer: () => 0 } },
];
