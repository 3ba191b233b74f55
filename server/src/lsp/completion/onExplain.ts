import type { ExplainParams, ExplainResult } from '@arenalab/protocol';
import type { SuggestionMemory } from './suggestionMemory';

/** `arenalab/explain`: the provenance of a remembered suggestion; null for an unknown or forgotten id. */
export function onExplain(suggestions: SuggestionMemory, params: ExplainParams): ExplainResult | null {
  const shown = typeof params?.suggestionId === 'string' ? suggestions.get(params.suggestionId) : undefined;
  if (shown === undefined) return null;
  const { candidate } = shown;
  return {
    suggestionId: shown.id,
    text: candidate.text,
    confidence: candidate.confidence,
    ...(candidate.rawConfidence !== undefined ? { rawConfidence: candidate.rawConfidence } : {}),
    ...(candidate.mode !== undefined ? { mode: candidate.mode } : {}),
    method: candidate.method,
    uri: shown.uri,
    sources: candidate.provenance.map((p) => ({ ...p })),
  };
}
