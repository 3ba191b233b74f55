import type { CurationItem, CurationQueueResult, CurationRescoreResult, CurationScoreView, CurationVerdictResult } from '@arenalab/protocol';

export type CurationMode = 'rapid' | 'deep';

/** The verdict just given on the current span, shown until the player moves on. */
export type VerdictFeedback = Extract<CurationVerdictResult, { ok: true }>;

/** Everything the curation page shows; changed only through `CurationFlow`, rendered by `curationHtml`. */
export interface CurationViewState {
  mode: CurationMode;
  item?: CurationItem;
  /** Position of the item in this batch and how many unjudged spans the store has. */
  position: number;
  remaining: number;
  score: CurationScoreView;
  timeLimitMs: number;
  feedback?: VerdictFeedback;
  rescore?: Extract<CurationRescoreResult, { ok: true }>;
  /** A refusal or failure to show (bad enrichment, a store problem). */
  problem?: string;
  /** A request is on its way: buttons are disabled so a double click cannot judge twice. */
  busy: boolean;
  /** What was typed in deep analysis' fields for the current card, so a rescore does not wipe it. */
  enrichment: EnrichmentText;
}

export interface EnrichmentText {
  context: string;
  metadata: string;
  confirmed_by: string;
}

const NO_ENRICHMENT: EnrichmentText = { context: '', metadata: '', confirmed_by: '' };

const NO_SCORE: CurationScoreView = { xp: 0, streak: 0, bestStreak: 0, judged: 0, agreed: 0, level: 1 };

/**
 * The curation session as the page sees it: a batch of queued spans, the one on the card, the verdict feedback, the
 * deep-analysis rescore, the score. No editor API: the panel feeds it server answers and renders `view()`.
 */
export class CurationFlow {
  private items: CurationItem[] = [];
  private index = 0;
  private state: CurationViewState = { mode: 'rapid', position: 0, remaining: 0, score: NO_SCORE, timeLimitMs: 5000, busy: false, enrichment: NO_ENRICHMENT };

  view(): CurationViewState {
    return { ...this.state, ...(this.items[this.index] ? { item: this.items[this.index] } : {}) };
  }

  get mode(): CurationMode {
    return this.state.mode;
  }

  get current(): CurationItem | undefined {
    return this.items[this.index];
  }

  /** The current card was judged and is waiting for "next". */
  get judged(): boolean {
    return this.state.feedback !== undefined;
  }

  /** A fresh batch from the server replaces what is left. */
  load(queue: CurationQueueResult): void {
    this.items = queue.items;
    this.index = 0;
    this.state = { ...this.state, remaining: queue.remaining, score: queue.score, timeLimitMs: queue.timeLimitMs, position: 0, feedback: undefined, rescore: undefined, problem: queue.problem, busy: false, enrichment: NO_ENRICHMENT };
  }

  setBusy(busy: boolean): void {
    this.state = { ...this.state, busy };
  }

  verdictAnswered(result: CurationVerdictResult): void {
    if (!result.ok) {
      this.state = { ...this.state, problem: result.reason, busy: false };
      return;
    }
    this.state = { ...this.state, feedback: result, score: result.score, remaining: Math.max(0, this.state.remaining - 1), problem: undefined, busy: false };
  }

  /** Moves to the next card; false when the batch is used up (the panel then asks for a new one). */
  next(): boolean {
    this.state = { ...this.state, feedback: undefined, rescore: undefined, problem: undefined, enrichment: NO_ENRICHMENT };
    if (this.index + 1 >= this.items.length) return false;
    this.index += 1;
    this.state = { ...this.state, position: this.index };
    return true;
  }

  /**
   * Deep analysis shows the meter's scores, so a card looked at there can no longer be judged blind: coming back to
   * rapid fire moves on to the next card (the one looked at stays unjudged and comes back in a later batch).
   * Answers false when that used up the batch.
   */
  setMode(mode: CurationMode): boolean {
    const peeked = this.state.mode === 'deep' && mode === 'rapid' && !this.judged;
    this.state = { ...this.state, mode, problem: undefined, rescore: mode === 'deep' ? this.state.rescore : undefined };
    return peeked ? this.next() : true;
  }

  /** The fields as sent with a rescore request. */
  rememberEnrichment(text: EnrichmentText): void {
    this.state = { ...this.state, enrichment: { ...text } };
  }

  rescoreAnswered(result: CurationRescoreResult): void {
    this.state = result.ok ? { ...this.state, rescore: result, problem: undefined, busy: false } : { ...this.state, problem: result.reason, busy: false };
  }

  showProblem(problem: string): void {
    this.state = { ...this.state, problem, busy: false };
  }
}
