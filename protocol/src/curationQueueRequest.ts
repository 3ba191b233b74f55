import { RequestType } from 'vscode-languageserver-protocol';

export type CurationVerdictName = 'diamond' | 'maybe' | 'trash';
export const CURATION_DIMENSIONS = ['completeness', 'provenance', 'impact', 'uniqueness', 'coherence'] as const;

/** The span fields a person judges by. */
export interface CurationSpanView {
  id: string;
  who: string;
  did: string;
  this: string;
  when: string;
  status: string;
  source: string;
  if_ok?: string;
  if_not?: string;
  confirmed_by?: string;
  context?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
}

/** The quality meter's view of a span: five dimensions 0–100 with the rules that moved each. */
export interface CurationQuality {
  dimensions: { name: (typeof CURATION_DIMENSIONS)[number]; score: number; reasons: string[] }[];
  total: number;
  class: 'diamond' | 'needs_enrichment' | 'discarded';
  /** The button the meter would press. */
  expected: CurationVerdictName;
}

export interface CurationItem {
  span: CurationSpanView;
  quality: CurationQuality;
}

export interface CurationScoreView {
  xp: number;
  streak: number;
  bestStreak: number;
  judged: number;
  agreed: number;
  level: number;
}

export interface CurationQueueParams {
  /** Spans wanted (default 10, at most 50). */
  limit?: number;
}

export interface CurationQueueResult {
  items: CurationItem[];
  /** Unjudged spans in the store, these included. */
  remaining: number;
  score: CurationScoreView;
  /** Seconds per span in rapid fire. */
  timeLimitMs: number;
  /** Why the queue is empty when it is not for lack of spans (no store). */
  problem?: string;
}

/** `arenalab/curationQueue`, client → server request: the next unjudged spans of the workspace store, scored. */
export const CurationQueueRequest = new RequestType<CurationQueueParams, CurationQueueResult, void>('arenalab/curationQueue');
