import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fixedClock, neverCancelled, SPAN_SCHEMA_VERSION } from '@arenalab/core';
import type { Span } from '@arenalab/core';
import { SpanStore } from '../store';
import { CurationSession, CurationSessionError } from './curationSession';

const span = (id: string, when: string): Span => ({
  schema_version: SPAN_SCHEMA_VERSION, id, source: 'editor', who: 'dev', did: 'write_code', this: `src/${id}.ts: function ${id}()`, when, status: 'completed',
  context: { environment: 'programming/typescript' }, if_ok: `Implemented ${id} with input validation and tests for the empty case.`, confirmed_by: 'npm test passed',
});

describe('CurationSession', () => {
  let dir: string;
  let recorded: Omit<Span, 'id'>[];
  const session = () => new CurationSession({ clock: fixedClock(Date.UTC(2026, 10, 25)), record: (draft) => { recorded.push(draft); return `sp_j${recorded.length}`; }, drain: async () => undefined });

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-curation-session-'));
    recorded = [];
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('has nothing to judge in a store that does not exist yet', async () => {
    assert.deepEqual(await session().queue(path.join(dir, 'never-created'), 10, neverCancelled), { items: [], remaining: 0 });
  });

  it('records a verdict as a judge_span draft on the injected clock and refuses a span it never queued', async () => {
    const store = await SpanStore.open(dir, { mode: 'write' });
    await store.append([span('a', '2026-01-01T00:00:00Z'), span('b', '2026-01-02T00:00:00Z')]);
    await store.close();
    const s = session();
    const { items } = await s.queue(dir, 10, neverCancelled);
    assert.deepEqual(items.map((i) => i.span.id), ['b', 'a']);
    const { result, judgementId } = s.verdict('b', 'trash', 400);
    assert.equal(judgementId, 'sp_j1');
    assert.equal(recorded[0].did, 'judge_span');
    assert.equal(recorded[0].this, 'b');
    assert.equal(recorded[0].when, '2026-11-25T00:00:00.000Z');
    assert.equal(result.score.judged, 1);
    assert.deepEqual(s.currentScore, result.score);
    assert.throws(() => s.verdict('zz', 'trash', 1), CurationSessionError);
    assert.equal((await s.queue(dir, 10, neverCancelled)).remaining, 1, 'the judged span left the queue');
  });
});
