import type { CurationItem, CurationQuality, CurationQueueResult, CurationVerdictResult } from '@arenalab/protocol';

// Server answers for the curation page's tests, shaped as the real server sends them.

export function quality(total: number, klass: CurationQuality['class'] = 'diamond'): CurationQuality {
  const expected = klass === 'diamond' ? 'diamond' : klass === 'needs_enrichment' ? 'maybe' : 'trash';
  return {
    dimensions: (['completeness', 'provenance', 'impact', 'uniqueness', 'coherence'] as const).map((name) => ({ name, score: total, reasons: [`${name} rule: +${total}`] })),
    total, class: klass, expected,
  };
}

export function item(id: string, over: Partial<CurationItem['span']> = {}, q: CurationQuality = quality(90)): CurationItem {
  return { span: { id, who: 'dev', did: 'write_code', this: `src/${id}.ts`, when: '2026-10-20T09:00:00Z', status: 'completed', source: 'editor', if_ok: 'done', ...over }, quality: q };
}

export function queue(items: CurationItem[], over: Partial<CurationQueueResult> = {}): CurationQueueResult {
  return { items, remaining: items.length, score: { xp: 0, streak: 0, bestStreak: 0, judged: 0, agreed: 0, level: 1 }, timeLimitMs: 5000, ...over };
}

export function agreed(xp: number, over: Partial<Extract<CurationVerdictResult, { ok: true }>> = {}): Extract<CurationVerdictResult, { ok: true }> {
  return { ok: true, judgementId: 'sp_j', outcome: 'agreed', expected: 'diamond', xpGained: 10, streakBonus: 0, score: { xp, streak: 1, bestStreak: 1, judged: 1, agreed: 1, level: 1 }, message: '+10 XP, good intuition!', quality: quality(90), ...over };
}
