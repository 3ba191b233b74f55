import { SPAN_SCHEMA_VERSION } from '../spans/span';
import type { Span } from '../spans/span';

// Outcome spans in the shapes the language server stores (server/src/outcomes), for the learning tests.

let clock = 0;
const at = () => new Date(Date.UTC(2026, 0, 1) + 1000 * clock++).toISOString();

/** The shape server/src/outcomes/outcomeSpans.ts stores for a suggestion outcome. */
export function suggestion(id: string, outcome: string, text: string, sources: string[]): Span {
  const status = outcome === 'shown' ? 'pending' : outcome === 'dismissed' ? 'failed' : 'completed';
  return {
    schema_version: SPAN_SCHEMA_VERSION, id, source: 'editor', who: 'arenalab', did: 'suggest_completion', this: 'src/a.ts:4', when: at(), status,
    if_ok: text, context: { environment: 'programming/typescript', previous_spans: sources },
    metadata: { suggestion_id: `s-${id}`, confidence: 0.7, method: 'continuation-vote', outcome, file: 'src/a.ts', line: 3 },
  };
}

/** The shape of a retention check (server/src/outcomes/retentionChecks.ts) and of a test run (taskResultSpan). */
export function check(id: string, of: string, retained: boolean, afterMs = 30000): Span {
  const summary = `${retained ? 'retained' : 'not retained'} after ${afterMs} ms`;
  return {
    schema_version: SPAN_SCHEMA_VERSION, id, source: 'editor', who: 'arenalab', did: 'check_retention', this: 'src/a.ts:4', when: at(),
    status: retained ? 'completed' : 'failed', ...(retained ? { if_ok: summary } : { if_not: summary }),
    context: { environment: 'programming', previous_spans: [of] }, metadata: { after_ms: afterMs, similarity: 1, reason: retained ? 'retained' : 'edited' },
  };
}
export function run(id: string, of: string[], passed: boolean): Span {
  return {
    schema_version: SPAN_SCHEMA_VERSION, id, source: 'editor', who: 'developer', did: 'run_tests', this: 'npm test', when: at(),
    status: passed ? 'completed' : 'failed', ...(passed ? { if_ok: 'exit code 0' } : { if_not: 'exit code 1' }),
    context: { environment: 'programming', previous_spans: of }, metadata: { kind: 'tests', exit_code: passed ? 0 : 1, duration_ms: 100 },
  };
}

export function history(): Span[] {
  clock = 0;
  return [
    suggestion('s1', 'accepted', 'const total = items.reduce((sum, item) => sum + item.price, 0);', ['w1', 'w2']),
    check('r1', 's1', true, 30000),
    check('r2', 's1', true, 120000),
    suggestion('s2', 'accepted', 'const total = items.reduce((sum, item) => sum + item.cost, 0);', ['w3']),
    check('r3', 's2', false),
    suggestion('s3', 'dismissed', 'return null;', ['w4']),
    suggestion('s4', 'shown', 'return value;', ['w5']),
    suggestion('s5', 'accepted', 'const total = items.reduce((sum, item) => sum + item.price * item.count, 0);', ['w6']),
    run('t1', ['s5'], false),
    suggestion('s6', 'accepted', 'logger.info(`started ${name}`);', ['w7']),
  ];
}

