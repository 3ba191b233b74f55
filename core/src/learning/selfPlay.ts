import { SPAN_SCHEMA_VERSION } from '../spans/span';
import type { Span } from '../spans/span';

/** A creature's whole-line answer to a self-play case, scored against the line history says came next. */
export interface SelfPlayAnswer {
  em: boolean;
  es: number;
  prediction: string;
  confidence: number;
}

export type SelfPlayVerdict = 'a' | 'b' | 'tie';

/** The winner is the one that matches the truth exactly; with both or neither, the higher edit similarity; else a tie. */
export function judgeSelfPlay(a: SelfPlayAnswer, b: SelfPlayAnswer): SelfPlayVerdict {
  if (a.em !== b.em) return a.em ? 'a' : 'b';
  if (a.es !== b.es) return a.es > b.es ? 'a' : 'b';
  return 'tie';
}

/** Whether a case teaches the loser something: the winner was right and the loser was not. */
export function isSelfPlayLesson(winner: SelfPlayAnswer, loser: SelfPlayAnswer): boolean {
  return winner.em && !loser.em;
}

export interface SelfPlayLessonInput {
  /** `commit:file:line` of the case. */
  caseId: string;
  file: string;
  line: number;
  commitDate: string;
  truth: string;
  winner: { name: string; config: unknown; answer: SelfPlayAnswer; sources: readonly string[] };
  loser: { name: string; config: unknown; answer: SelfPlayAnswer };
}

/**
 * What the winner knew and the loser did not, as a learning span: the loser learns `if_ok` (the truth,
 * which the winner predicted) after the winner's sources (`previous_spans`); `if_not` is the loser's wrong answer.
 * Dated at the commit the case came from, so a replay of the same history gives the same spans.
 */
export function selfPlaySpan(input: SelfPlayLessonInput): Omit<Span, 'id'> {
  return {
    schema_version: SPAN_SCHEMA_VERSION,
    source: 'self_play',
    who: input.winner.name,
    did: 'learn_from_self_play',
    this: `${input.file}:${input.line + 1}`,
    when: input.commitDate,
    status: 'completed',
    if_ok: input.truth,
    if_not: input.loser.answer.prediction,
    confirmed_by: 'git history',
    context: { previous_spans: [...input.winner.sources] },
    metadata: {
      case: input.caseId,
      winner: input.winner.name,
      winner_config: input.winner.config,
      winner_confidence: input.winner.answer.confidence,
      loser: input.loser.name,
      loser_config: input.loser.config,
      loser_prediction: input.loser.answer.prediction,
      loser_confidence: input.loser.answer.confidence,
      loser_es: input.loser.answer.es,
      ground_truth: input.truth,
    },
  };
}
