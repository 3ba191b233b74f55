import type { AntiPattern } from './antiPatternMemory';

const KINDS = new Set(['chat', 'completion']);

function problemOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an object';
  const record = value as Record<string, unknown>;
  for (const field of ['principleId', 'text', 'reason'] as const) {
    if (typeof record[field] !== 'string' || record[field] === '') return `${field} must be a non-empty string`;
  }
  if (!KINDS.has(record.kind as string)) return `kind must be chat or completion, got ${JSON.stringify(record.kind)}`;
  if (typeof record.recordedAt !== 'number' || !Number.isFinite(record.recordedAt)) return 'recordedAt must be a number (ms since the epoch)';
  return undefined;
}

/**
 * Anti-pattern records read back from wherever the host kept them (a parsed JSON document): valid records are
 * returned, each bad one is reported by position and skipped. Never throws.
 */
export function antiPatternRecords(document: unknown): { records: AntiPattern[]; problems: string[] } {
  if (!Array.isArray(document)) return { records: [], problems: ['expected a JSON array of anti-pattern records'] };
  const records: AntiPattern[] = [];
  const problems: string[] = [];
  document.forEach((value, i) => {
    const problem = problemOf(value);
    if (problem) problems.push(`record ${i + 1}: ${problem}`);
    else {
      const { principleId, kind, text, reason, recordedAt } = value as AntiPattern;
      records.push({ principleId, kind, text, reason, recordedAt });
    }
  });
  return { records, problems };
}
