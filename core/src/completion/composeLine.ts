import type { Cancellation } from '../ports/cancellation';
import type { NextToken, TokenEvidence } from './nextTokenModel';
import { NEWLINE_ID } from './tokenStream';

/** How wide and how far the beam searches (from CompletionEngineConfig). */
export interface BeamSettings {
  /** Partial lines kept after each step. */
  beamWidth: number;
  /** Next tokens tried from each partial line. */
  branching: number;
  /** Most tokens composed before the line break. */
  maxTokens: number;
  /** Next tokens less probable than this are not tried. */
  minTokenProbability: number;
}

/** What the beam composes from. */
export interface ComposeRequest {
  /** Token ids before the first composed token (the document up to the cursor). */
  context: Int32Array;
  end: number;
  /** A word typed only in part: the first token must start with it (what is typed is never contradicted). */
  partial: string;
  /** Brackets opened and not closed on the line before the cursor. */
  openBrackets: number;
  tokenText: (id: number) => string;
  /** Time is up: the search stops and returns the lines completed so far (checked before every step). */
  budget?: Cancellation;
}

/** The next-token distribution the beam reads. */
export interface TokenPredictor {
  next(context: Int32Array, end: number): NextToken[];
}

/** A line composed token by token, up to (not including) its line break. */
export interface ComposedLine {
  ids: number[];
  /** Per token: the place it was copied from. */
  evidence: TokenEvidence[];
  /** Per token: how many places supported it. */
  counts: number[];
  /** Product of the tokens' probabilities (the line break's included). */
  probability: number;
}

interface BeamState extends ComposedLine {
  depth: number;
}

const OPENERS = new Set(['(', '[', '{']);
const CLOSERS = new Set([')', ']', '}']);
/** A line may end with brackets open only when it ends by opening something (a call or literal continued below). */
const OPEN_ENDINGS = new Set(['(', '[', '{', ',', ':', '=>', '\\', '+', '&&', '||']);

function bracketDelta(text: string): number {
  return OPENERS.has(text) ? 1 : CLOSERS.has(text) ? -1 : 0;
}

function extend(state: BeamState, next: NextToken, text: string): BeamState {
  return {
    ids: [...state.ids, next.id],
    evidence: [...state.evidence, next.best],
    counts: [...state.counts, next.count],
    probability: state.probability * next.probability,
    depth: state.depth + bracketDelta(text),
  };
}

/** A line break ends a line when its brackets are balanced, or it ends by opening something. */
function endsWell(state: BeamState, tokenText: (id: number) => string): boolean {
  if (state.ids.length === 0) return false;
  return state.depth <= 0 || OPEN_ENDINGS.has(tokenText(state.ids[state.ids.length - 1]));
}

function contextOf(request: ComposeRequest, state: BeamState, tail: number): { tokens: Int32Array; end: number } {
  const from = Math.max(0, request.end - tail);
  const tokens = new Int32Array(request.end - from + state.ids.length);
  tokens.set(request.context.subarray(from, request.end));
  tokens.set(state.ids, request.end - from);
  return { tokens, end: tokens.length };
}

/** The first token's distribution given a partly typed word: only tokens extending it, renormalised among them. */
function firstTokens(next: NextToken[], request: ComposeRequest): NextToken[] {
  if (request.partial === '') return next;
  const fitting = next.filter((n) => n.id !== NEWLINE_ID && request.tokenText(n.id).startsWith(request.partial));
  const total = fitting.reduce((sum, n) => sum + n.probability, 0);
  return fitting.map((n) => ({ ...n, probability: n.probability / total }));
}

/**
 * Beam search over the next-token model: composes the rest of the line token by token, keeping the `beamWidth` most
 * probable partial lines; a line is complete at a line break with its brackets balanced (or ending in an opener).
 * The first token must extend a partially typed word. Returns completed lines, most probable first.
 */
export function composeLine(model: TokenPredictor, request: ComposeRequest, settings: BeamSettings, contextTail = 64): ComposedLine[] {
  let beam: BeamState[] = [{ ids: [], evidence: [], counts: [], probability: 1, depth: request.openBrackets }];
  const done: BeamState[] = [];
  for (let step = 0; step <= settings.maxTokens && beam.length > 0; step++) {
    if (request.budget?.isCancelled) break;
    const grown: BeamState[] = [];
    for (const state of beam) {
      const { tokens, end } = contextOf(request, state, contextTail);
      let tried = 0;
      for (const next of step === 0 ? firstTokens(model.next(tokens, end), request) : model.next(tokens, end)) {
        if (tried >= settings.branching || next.probability < settings.minTokenProbability) break;
        const text = request.tokenText(next.id);
        tried++;
        if (next.id === NEWLINE_ID) {
          if (endsWell(state, request.tokenText)) done.push({ ...state, probability: state.probability * next.probability });
          continue;
        }
        if (step < settings.maxTokens) grown.push(extend(state, next, text));
      }
    }
    done.sort((a, b) => b.probability - a.probability);
    // A partial line already less probable than the beamWidth-th complete one can only get less probable.
    const floor = done.length >= settings.beamWidth ? done[settings.beamWidth - 1].probability : 0;
    beam = grown
      .filter((s) => s.probability > floor)
      .sort((a, b) => b.probability - a.probability)
      .slice(0, settings.beamWidth);
  }
  return done.sort((a, b) => b.probability - a.probability).slice(0, settings.beamWidth).map(({ depth: _depth, ...line }) => line);
}
