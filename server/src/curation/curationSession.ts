import {
  applyVerdict,
  DEFAULT_CURATION_RULES,
  EMPTY_CURATION_SCORE,
  judgedSpanIds,
  JUDGE_ACTION,
  judgementSpan,
  pickCurationQueue,
  rescoreEnriched,
  restoreCurationScore,
} from '@arenalab/core';
import type { Cancellation, Clock, CurationRules, CurationScore, CurationVerdict, PhasedProgress, RescoreResult, ScoredSpan, Span, SpanEnrichment, VerdictResult } from '@arenalab/core';
import { loadStoreSpans, StoreError } from '../store';
import { scoreSpans } from '../datasets';

export interface CurationSessionDeps {
  clock: Clock;
  rules?: CurationRules;
  /** Stores a judgement span (the OutcomeRecorder: redacted, validated, durable); answers its id, if stored. */
  record(draft: Omit<Span, 'id'>): string | undefined;
  /** Resolves once every recorded span is durable, so a reload sees the judgements just made. */
  drain(): Promise<void>;
}

export class CurationSessionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CurationSessionError';
  }
}

/** The store's spans; a store not created yet (nothing recorded in this workspace so far) has none. */
async function readStore(storeDir: string, token: Cancellation): Promise<Span[]> {
  try {
    return await loadStoreSpans(storeDir, token, silent.phase('read store'));
  } catch (error) {
    if (error instanceof StoreError && error.code === 'missing') return [];
    throw error;
  }
}

const silent: PhasedProgress = { phase: () => ({ report: () => undefined }) };

/**
 * The curation game of one server: the store's spans scored by the quality meter (scored again only when a span other
 * than a judgement arrived), the running score (restored from the latest judgement of the store, then kept here), and
 * the judgements recorded as spans.
 */
export class CurationSession {
  readonly rules: CurationRules;
  private storeDir: string | undefined;
  private scoredKey = '';
  private scored: ScoredSpan[] = [];
  private byId = new Map<string, ScoredSpan>();
  private judged = new Set<string>();
  private score: CurationScore = EMPTY_CURATION_SCORE;

  constructor(private readonly deps: CurationSessionDeps) {
    this.rules = deps.rules ?? DEFAULT_CURATION_RULES;
  }

  get currentScore(): CurationScore {
    return this.score;
  }

  /** The next `limit` unjudged spans of the store, with their scores. */
  async queue(storeDir: string, limit: number, token: Cancellation): Promise<{ items: ScoredSpan[]; remaining: number }> {
    await this.deps.drain();
    const spans = await readStore(storeDir, token);
    const judgements = spans.filter((s) => s.did === JUDGE_ACTION);
    if (storeDir !== this.storeDir) {
      this.storeDir = storeDir;
      this.score = restoreCurationScore(judgements);
      this.scoredKey = '';
    }
    for (const id of judgedSpanIds(judgements)) this.judged.add(id);
    const judgeable = spans.filter((s) => s.did !== JUDGE_ACTION);
    const key = `${storeDir}\n${judgeable.length}\n${judgeable.at(-1)?.id ?? ''}`;
    if (key !== this.scoredKey) {
      const corpus = await scoreSpans(judgeable, { indexKind: 'hnsw' }, token, silent);
      this.scored = corpus.curation.scored;
      this.byId = new Map(this.scored.map((s) => [s.span.id, s]));
      this.scoredKey = key;
    }
    return pickCurationQueue(this.scored, this.judged, limit);
  }

  /** Applies the game's rules to a verdict on a queued span and records the judgement. */
  verdict(spanId: string, verdict: CurationVerdict, elapsedMs: number): { result: VerdictResult; scored: ScoredSpan; judgementId?: string } {
    const scored = this.lookup(spanId);
    const result = applyVerdict(this.score, { verdict, elapsedMs, meterClass: scored.metrics.class }, this.rules);
    const draft = judgementSpan({ span: scored.span, verdict, elapsedMs, metrics: scored.metrics, result, whenMs: this.deps.clock.now() });
    const judgementId = this.deps.record(draft);
    this.score = result.score;
    this.judged.add(spanId);
    return { result, scored, ...(judgementId === undefined ? {} : { judgementId }) };
  }

  /** Deep analysis: the span enriched and scored again (nothing stored). */
  rescore(spanId: string, enrichment: SpanEnrichment): RescoreResult {
    const scored = this.lookup(spanId);
    return rescoreEnriched(scored.span, scored.metrics, enrichment);
  }

  private lookup(spanId: string): ScoredSpan {
    const scored = this.byId.get(spanId);
    if (scored === undefined) throw new CurationSessionError(`span ${spanId} is not in the curation queue (ask for the queue first)`);
    return scored;
  }
}
