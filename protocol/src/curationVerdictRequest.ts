import { RequestType } from 'vscode-languageserver-protocol';
import type { CurationQuality, CurationScoreView, CurationVerdictName } from './curationQueueRequest';

export interface CurationVerdictParams {
  spanId: string;
  verdict: CurationVerdictName;
  /** Milliseconds from the span being shown to the verdict. */
  elapsedMs: number;
}

export type CurationVerdictResult =
  | {
    ok: true;
    /** Id of the stored `judge_span` span (absent when the store is not available). */
    judgementId?: string;
    outcome: 'agreed' | 'disagreed' | 'late';
    expected: CurationVerdictName;
    xpGained: number;
    streakBonus: number;
    score: CurationScoreView;
    message: string;
    /** The meter's breakdown, to show on a disagreement. */
    quality: CurationQuality;
  }
  | { ok: false; reason: string };

/**
 * `arenalab/curationVerdict`, client → server request: a rapid-fire verdict on a queued span. The server applies the
 * game's rules (XP, streak, time limit), stores the judgement as a `judge_span` span and answers the new score.
 */
export const CurationVerdictRequest = new RequestType<CurationVerdictParams, CurationVerdictResult, void>('arenalab/curationVerdict');
