import type { ChatAnswer } from '@arenalab/core';

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** A chat answer for people: the text, then how sure, how it was made, what the constitution said, and where it came from. */
export function formatChatAnswer(result: Omit<ChatAnswer, 'method'> & { method: string; source: string }): string {
  const lines = [result.text, '', `confidence ${percent(result.confidence)} · ${result.method} · ${result.trajectoriesUsed} ${result.trajectoriesUsed === 1 ? 'span' : 'spans'} voted · from ${result.source}`, result.reasoning];
  const correction = result.constitution.correction;
  if (correction) lines.push(`constitution: ${correction.kind} (${correction.principleId}: ${correction.reason})`);
  for (const warning of result.constitution.warnings) lines.push(`constitution warning (${warning.principleId}): ${warning.reason}`);
  for (const note of result.notes) lines.push(`note: ${note}`);
  if (result.provenance.length > 0) {
    lines.push('sources:');
    for (const p of result.provenance) lines.push(`  ${p.spanId}${p.file ? ` (${p.file})` : ''}  similarity ${p.similarity.toFixed(2)}  "${p.question}"`);
  }
  return lines.join('\n');
}
