import type { ExplainParams, ExplainResult } from '@arenalab/protocol';
import type { LspContext } from '../lspContext';

/** `arenalab/explain`: the provenance of a remembered suggestion; null for an unknown or forgotten id. */
export function onExplain(ctx: LspContext, params: ExplainParams): ExplainResult | null {
  const shown = typeof params?.suggestionId === 'string' ? ctx.suggestions.get(params.suggestionId) : undefined;
  if (shown === undefined) return null;
  const { candidate } = shown;
  return {
    suggestionId: shown.id,
    text: candidate.text,
    confidence: candidate.confidence,
    method: candidate.method,
    uri: shown.uri,
    sources: candidate.provenance.map((p) => ({ ...p })),
  };
}
