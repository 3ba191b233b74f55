import { EnrichmentError } from '@arenalab/core';
import type { CurationRescoreParams, CurationRescoreResult } from '@arenalab/protocol';
import { CurationSessionError, curationQuality, curationSpanView } from '../../curation';
import type { CurationSession } from '../../curation';

/** `arenalab/curationRescore`: deep analysis' enrich-and-compare; a refused field comes back named. */
export function onCurationRescore(curation: CurationSession, params: CurationRescoreParams): CurationRescoreResult {
  if (typeof params?.spanId !== 'string' || params.spanId === '') return { ok: false, reason: 'spanId is required' };
  const enrichment = params.enrichment ?? {};
  if (typeof enrichment !== 'object' || Array.isArray(enrichment)) return { ok: false, reason: 'enrichment must be an object', field: 'enrichment' };
  try {
    const r = curation.rescore(params.spanId, enrichment);
    return { ok: true, span: curationSpanView(r.span), before: curationQuality(r.before), after: curationQuality(r.after), delta: { ...r.delta } };
  } catch (error) {
    if (error instanceof EnrichmentError) return { ok: false, reason: error.message, field: error.field };
    if (error instanceof CurationSessionError) return { ok: false, reason: error.message };
    throw error;
  }
}
