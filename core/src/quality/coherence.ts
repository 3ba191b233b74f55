import type { Span } from '../spans/span';
import type { DimensionScore } from './qualityMetrics';
import { ScoreSheet } from './qualityMetrics';
import {
  bracketProblem,
  codeBlocks,
  contentWords,
  endsMidSentence,
  endsWithEllipsis,
  hasDiffHunk,
  hasUnbalancedFence,
  isTrivialText,
  words,
} from './textSignals';

/** What kind of action a span records decides which fit checks apply. */
export type ActionKind = 'question' | 'commit' | 'other';

export function actionKind(span: Span): ActionKind {
  const did = span.did.toLowerCase();
  if (/question|(^|[^a-z])ask|chat/.test(did)) return 'question';
  if (/commit|diff|patch/.test(did) || span.source === 'git_import') return 'commit';
  return 'other';
}

/**
 * Coherence: does the outcome fit the action? Nothing truncated, code that balances (a parser arrives with
 * tree-sitter), an answer that addresses its question, a commit that carries a diff.
 */
export function scoreCoherence(span: Span): DimensionScore {
  const sheet = new ScoreSheet(100, 'start');
  if (endsWithEllipsis(span.this)) sheet.apply(-15, 'this ends with an ellipsis (truncated)');
  const outcome = span.status === 'failed' && !isTrivialText(span.if_not) ? span.if_not : span.if_ok;
  if (outcome === undefined || isTrivialText(outcome)) {
    sheet.apply(-30, 'no outcome to check against the action');
    return sheet.result();
  }
  checkTruncation(outcome, sheet);
  checkCode(outcome, sheet);
  if (normalise(outcome) === normalise(span.this)) sheet.apply(-40, 'outcome only repeats this');
  const kind = actionKind(span);
  if (kind === 'question' && outcome === span.if_ok) checkAnswer(span.this, outcome, sheet);
  if (kind === 'commit' && span.status === 'completed' && !hasDiffHunk(outcome)) {
    sheet.apply(-25, 'commit outcome has no diff hunk');
  }
  return sheet.result();
}

function checkTruncation(outcome: string, sheet: ScoreSheet): void {
  if (endsWithEllipsis(outcome)) sheet.apply(-30, 'outcome ends with an ellipsis (truncated)');
  if (hasUnbalancedFence(outcome)) sheet.apply(-30, 'unbalanced code fence (a ``` block never closes)');
  else if (endsMidSentence(outcome)) sheet.apply(-20, 'outcome stops mid-sentence');
}

function checkCode(outcome: string, sheet: ScoreSheet): void {
  for (const block of codeBlocks(outcome)) {
    const problem = bracketProblem(block);
    if (problem) {
      sheet.apply(-25, `code in the outcome does not balance (${problem})`);
      return;
    }
  }
}

/** Crude stemming (first five letters) so `sorting` meets `sorted`; enough for an overlap signal. */
function stems(text: string): Set<string> {
  return new Set([...contentWords(text)].map((word) => word.slice(0, 5)));
}

function checkAnswer(question: string, answer: string, sheet: ScoreSheet): void {
  const asked = stems(question);
  const answered = stems(answer);
  if (asked.size >= 2) {
    const shared = [...asked].filter((stem) => answered.has(stem)).length;
    const overlap = shared / asked.size;
    if (shared === 0) sheet.apply(-40, 'answer shares no content word with the question');
    else if (overlap < 0.15) sheet.apply(-10, `answer barely touches the question (overlap ${overlap.toFixed(2)})`);
  } else {
    sheet.apply(-15, 'question too vague to check the answer against (under 2 content words)');
  }
  const answerWords = words(answer).length;
  const questionWords = words(question).length;
  if (answerWords < 3) sheet.apply(-20, `answer too short for a question (${answerWords} words)`);
  else if (answerWords < 0.3 * questionWords) sheet.apply(-10, 'answer much shorter than the question');
}

function normalise(text: string): string {
  return words(text).join(' ');
}
