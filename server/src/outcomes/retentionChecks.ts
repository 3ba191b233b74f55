import { levenshteinSimilarity, SPAN_SCHEMA_VERSION } from '@arenalab/core';
import type { Clock, Span } from '@arenalab/core';

/** When an accepted suggestion is checked again, after acceptance (as Copilot does: 30 s, 2 min, 10 min). */
export const RETENTION_CHECK_DELAYS_MS: readonly number[] = [30_000, 120_000, 600_000];

/** A suggestion counts as retained when the best window is at least this similar to the inserted text. */
export const RETENTION_THRESHOLD = 0.5;

/** Windows start at most this many characters (or the inserted text's length, whichever is more) from the anchor. */
const MIN_SEARCH_SLACK = 100;

/** Longer insertions are compared by their first this-many characters, so a check stays cheap on the main thread. */
const MAX_COMPARED_CHARS = 1000;

/** One timer at a time: `schedule` runs `run` after `delayMs` and returns a function that cancels it. */
export interface RetentionTimer {
  schedule(delayMs: number, run: () => void): () => void;
}

/** The real timer: setTimeout, unref'd so pending checks never keep the process alive. */
export const realRetentionTimer: RetentionTimer = {
  schedule(delayMs, run) {
    const handle = setTimeout(run, delayMs);
    handle.unref?.();
    return () => clearTimeout(handle);
  },
};

/** The part of a text document a check needs; `TextDocument` from vscode-languageserver-textdocument fits. */
export interface RetentionDocument {
  getText(): string;
  offsetAt(position: { line: number; character: number }): number;
}

/**
 * Why a document cannot be checked: closed in the editor, the file is gone from disk, or it grew too large for the
 * server to keep its text. Each counts as not retained.
 */
export type MissingDocument = 'closed' | 'vanished' | 'too_large';

export interface AcceptedSuggestion {
  /** Id of the stored accepted `suggest_completion` span. */
  spanId: string;
  suggestionId: string;
  uri: string;
  /** Workspace-relative file name, for the span's `this`. */
  file: string;
  /** The inserted text and where its insertion started (0-based, as in the LSP). */
  text: string;
  position: { line: number; character: number };
}

export interface RetentionDeps {
  clock: Clock;
  timer: RetentionTimer;
  /** The document's current state, or why it has none. */
  read(uri: string): RetentionDocument | MissingDocument;
  /** Stores a span (the OutcomeRecorder's `record`); returns its id. */
  record(draft: Omit<Span, 'id'>): string | undefined;
  log(line: string): void;
  delaysMs?: readonly number[];
  /** Called after a suggestion's last check was recorded: retained then, it may be a diamond candidate. */
  settled?(accepted: AcceptedSuggestion, retained: boolean): void;
}

/**
 * The retention rule: the inserted text (first MAX_COMPARED_CHARS characters) is compared, by Levenshtein similarity
 * (1 − distance / max length), with every window of the same length whose start lies within ±max(length, 100)
 * characters of the insertion's original position (its original line and character resolved in the current text, so
 * edits far away do not matter and edits just above shift it only a little). The best similarity is the result; an
 * exact occurrence in that range is 1 at once. Retained when ≥ RETENTION_THRESHOLD.
 */
export function retentionSimilarity(documentText: string, insertedText: string, anchorOffset: number): number {
  const inserted = insertedText.slice(0, MAX_COMPARED_CHARS);
  const length = inserted.length;
  if (length === 0) return 1;
  const slack = Math.max(length, MIN_SEARCH_SLACK);
  const first = Math.max(0, anchorOffset - slack);
  const last = Math.max(first, Math.min(documentText.length - length, anchorOffset + slack));
  if (documentText.slice(first, last + length).includes(inserted)) return 1;
  // Coarse pass over the range, then every start around the best coarse one: bounded work for long insertions.
  const step = Math.max(1, Math.floor(length / 20));
  const at = (start: number) => levenshteinSimilarity(inserted, documentText.slice(start, start + length));
  let best = -1;
  let bestStart = first;
  for (let start = first; start <= last; start += step) {
    const similarity = at(start);
    if (similarity > best) [best, bestStart] = [similarity, start];
  }
  for (let start = Math.max(first, bestStart - step + 1); start <= Math.min(last, bestStart + step - 1); start++) {
    best = Math.max(best, at(start));
  }
  return Math.max(0, best);
}

/**
 * Checks whether accepted suggestions are still in their document at 30 s, 2 min and 10 min, each check stored as a
 * `check_retention` span linked to the accepted suggestion's span. All scheduling goes through the injected timer, so
 * tests advance a fake one; `dispose` cancels every pending check (server shutdown).
 */
export class RetentionChecker {
  private readonly pending = new Set<() => void>();
  private disposed = false;

  constructor(private readonly deps: RetentionDeps) {}

  /** Schedules the checks of one accepted suggestion. */
  watch(accepted: AcceptedSuggestion): void {
    if (this.disposed) return;
    const acceptedAt = this.deps.clock.now();
    const delays = this.deps.delaysMs ?? RETENTION_CHECK_DELAYS_MS;
    delays.forEach((delay, i) => {
      const cancel = this.deps.timer.schedule(delay, () => {
        this.pending.delete(cancel);
        try {
          const retained = this.check(accepted, this.deps.clock.now() - acceptedAt);
          if (i === delays.length - 1) this.deps.settled?.(accepted, retained);
        } catch (error) {
          this.deps.log(`retention check of suggestion ${accepted.suggestionId} failed: ${String(error)}`);
        }
      });
      this.pending.add(cancel);
    });
  }

  /** Checks still waiting for their time. */
  get pendingChecks(): number {
    return this.pending.size;
  }

  /** Cancels every pending check; later `watch` calls do nothing. */
  dispose(): void {
    this.disposed = true;
    for (const cancel of this.pending) cancel();
    this.pending.clear();
  }

  /** Records one check; true when the text was retained. */
  private check(accepted: AcceptedSuggestion, afterMs: number): boolean {
    const document = this.deps.read(accepted.uri);
    let similarity = 0;
    let reason: string;
    if (typeof document === 'string') {
      reason = document;
    } else {
      similarity = retentionSimilarity(document.getText(), accepted.text, document.offsetAt(accepted.position));
      reason = similarity >= RETENTION_THRESHOLD ? 'retained' : 'edited';
    }
    const retained = reason === 'retained';
    const rounded = Math.round(similarity * 1000) / 1000;
    const summary = `${retained ? 'retained' : 'not retained'} after ${afterMs} ms (similarity ${rounded}${typeof document === 'string' ? `, document ${document}` : ''})`;
    this.deps.record({
      schema_version: SPAN_SCHEMA_VERSION,
      source: 'editor',
      who: 'arenalab',
      did: 'check_retention',
      this: `${accepted.file}:${accepted.position.line + 1}`,
      when: new Date(this.deps.clock.now()).toISOString(),
      status: retained ? 'completed' : 'failed',
      ...(retained ? { if_ok: summary } : { if_not: summary }),
      context: { environment: 'programming', previous_spans: [accepted.spanId] },
      metadata: { after_ms: afterMs, similarity: rounded, suggestion_id: accepted.suggestionId, reason },
    });
    return retained;
  }
}
