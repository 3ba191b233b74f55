import type { ComposedCandidate } from './composeCandidates';

/**
 * The last request's composed lines, so that typing on re-queries cheaply: when the next request only adds text on
 * the same line of the same document, the lines that still start with what is now typed are the answer (narrowed,
 * not recomputed). Anything that changes the index clears it.
 */
export class ComposedNarrowing {
  private last: { file: string; prefix: string; lines: ComposedCandidate[] } | undefined;

  remember(file: string, prefix: string, lines: ComposedCandidate[]): void {
    this.last = lines.length > 0 ? { file, prefix, lines } : undefined;
  }

  /** The remembered lines consistent with `typed` (the line as typed now), or undefined when they do not apply. */
  narrow(file: string, prefix: string, typed: string): ComposedCandidate[] | undefined {
    const last = this.last;
    if (!last || last.file !== file || !prefix.startsWith(last.prefix) || prefix.length === last.prefix.length) return undefined;
    if (/[\r\n]/.test(prefix.slice(last.prefix.length))) return undefined;
    const head = typed.trim();
    const kept = last.lines.filter((line) => line.text.startsWith(head) && line.text !== head);
    return kept.length > 0 ? kept : undefined;
  }

  clear(): void {
    this.last = undefined;
  }
}
