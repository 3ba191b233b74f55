import { isCurationVerdict } from '@arenalab/core';
import type { CurationVerdictParams, CurationVerdictResult } from '@arenalab/protocol';
import { CurationSessionError, curationQuality, curationScoreView } from '../../curation';
import type { CurationSession } from '../../curation';

/** `arenalab/curationVerdict`: a rapid-fire verdict scored by the game's rules and stored as a `judge_span` span. */
export function onCurationVerdict(curation: CurationSession, params: CurationVerdictParams): CurationVerdictResult {
  if (typeof params?.spanId !== 'string' || params.spanId === '') return { ok: false, reason: 'spanId is required' };
  if (!isCurationVerdict(params.verdict)) return { ok: false, reason: `verdict must be diamond, maybe or trash, not ${JSON.stringify(params.verdict)}` };
  if (typeof params.elapsedMs !== 'number') return { ok: false, reason: 'elapsedMs must be a number of milliseconds' };
  try {
    const { result, scored, judgementId } = curation.verdict(params.spanId, params.verdict, params.elapsedMs);
    return {
      ok: true,
      ...(judgementId === undefined ? {} : { judgementId }),
      outcome: result.outcome,
      expected: result.expected,
      xpGained: result.xpGained,
      streakBonus: result.streakBonus,
      score: curationScoreView(result.score, curation.rules),
      message: result.message,
      quality: curationQuality(scored.metrics),
    };
  } catch (error) {
    if (error instanceof CurationSessionError) return { ok: false, reason: error.message };
    throw error;
  }
}
