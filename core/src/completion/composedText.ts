import type { ComposedLine } from './composeLine';
import type { TokenEvidence, TokenSource } from './nextTokenModel';
import { isLayoutToken, lineTokenSpans } from './tokenStream';

/** A run of consecutive composed tokens copied from one line: where that part of a composed line came from. */
export interface ComposedSegment {
  /** The segment's text as composed. */
  text: string;
  path: string;
  scope: TokenSource['scope'];
  /** 0-based line in `path`. */
  line: number;
  /** The source line as written there. */
  sourceLine: string;
  /** Index of the source line in its source's `lines`, for its neighbours. */
  localLine: number;
  source: TokenSource;
  /** Shortest shared context among the segment's tokens. */
  matchLength: number;
}

/** The line (index into `source.lines`) of a token position: the last line starting at or before it. */
export function lineOfPosition(source: TokenSource, position: number): number {
  let low = 0;
  let high = source.lines.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (source.lineStarts[mid] <= position) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The whitespace written before the token at `position` in its source ('' at the start of a line). */
export function gapBefore(source: TokenSource, position: number): string {
  const line = lineOfPosition(source, position);
  let k = position - source.lineStarts[line];
  for (let p = source.lineStarts[line]; p < position && isLayoutToken(source.tokens[p]); p++) k--;
  if (k <= 0) return '';
  const spans = lineTokenSpans(source.lines[line]);
  if (k >= spans.length) return '';
  return source.lines[line].slice(spans[k - 1][1], spans[k][0]);
}

/**
 * The composed tokens as text, each preceded by the spacing its source wrote before it. The first token follows
 * what was typed: it completes a partial word (no gap), or follows typed whitespace (no second gap).
 */
export function renderComposed(line: ComposedLine, tokenText: (id: number) => string, typed: string, partial: string): string {
  let text = '';
  let first = true;
  for (let i = 0; i < line.ids.length; i++) {
    const id = line.ids[i];
    if (isLayoutToken(id)) continue;
    const token = tokenText(id);
    if (first && partial !== '') text = token.slice(partial.length);
    else if (first && (typed.trim() === '' || /\s$/.test(typed))) text = token;
    else text += gapBefore(line.evidence[i].source, line.evidence[i].position) + token;
    first = false;
  }
  return text;
}

function sameLine(a: TokenEvidence, b: TokenEvidence): boolean {
  return a.source === b.source && lineOfPosition(a.source, a.position) === lineOfPosition(b.source, b.position) && a.position === b.position - 1;
}

/** Consecutive tokens taken from consecutive positions of one source line form one segment. */
export function composedSegments(line: ComposedLine, tokenText: (id: number) => string): ComposedSegment[] {
  const segments: ComposedSegment[] = [];
  for (let i = 0; i < line.ids.length; i++) {
    const evidence = line.evidence[i];
    const token = isLayoutToken(line.ids[i]) ? '' : tokenText(line.ids[i]);
    const last = segments[segments.length - 1];
    if (last && i > 0 && sameLine(line.evidence[i - 1], evidence)) {
      last.text += gapBefore(evidence.source, evidence.position) + token;
      last.matchLength = Math.min(last.matchLength, evidence.matchLength);
      continue;
    }
    const localLine = lineOfPosition(evidence.source, evidence.position);
    segments.push({
      text: token,
      path: evidence.source.path,
      scope: evidence.source.scope,
      line: evidence.source.firstLine + localLine,
      sourceLine: evidence.source.lines[localLine],
      localLine,
      source: evidence.source,
      matchLength: evidence.matchLength,
    });
  }
  return segments;
}
