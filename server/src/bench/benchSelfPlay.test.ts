import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { silentProgress, spanContentHash, validateSpan } from '@arenalab/core';
import { formatSelfPlay } from '../cli/commands/benchSelfPlay';
import { ReplayHistoryError } from './benchReplay';
import { benchSelfPlay } from './benchSelfPlay';
import { commitAll, initTestRepo } from '../host/gitTestRepo';

const never = { isCancelled: false };
const progress = { phase: () => silentProgress };

/** A module whose lines exist nowhere else: only a creature that indexed it can predict its copies. */
function moduleText(k: number): string {
  return [
    `export function pipeline${k}(input${k}: Batch${k}): Report${k} {`,
    `  const staged${k} = stageRecords${k}(input${k}.records, limits${k});`,
    `  const merged${k} = mergeWindows${k}(staged${k}, input${k}.window${k});`,
    `  const scored${k} = scoreMerged${k}(merged${k}, weights${k}.current);`,
    `  return summariseScores${k}(scored${k}, input${k}.label${k});`,
    '}',
  ].join('\n') + '\n';
}

describe('benchSelfPlay', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-selfplay-'));
    initTestRepo(dir);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  };

  it('A (whole tree) beats B (half the files); B learns the lessons and improves on held-out commits; lessons are valid self_play spans', async () => {
    for (let k = 0; k < 10; k++) write(`src/m${k}.ts`, moduleText(k));
    commitAll(dir, 0);
    // Later commits copy the modules: the play commits (1–4) and the held-out ones (5–6) reuse the same code.
    for (let t = 1; t <= 6; t++) {
      for (let k = 0; k < 10; k++) write(`copies${t}/c${k}.ts`, moduleText(k));
      commitAll(dir, t);
    }
    const result = await benchSelfPlay({ repo: dir, start: 0.1, heldOut: 0.34, perCommit: 40, seed: 1, variant: { kind: 'half-files' }, learnCode: false }, never, progress);
    const creatures = result.creatures as { A: { files: number }; B: { files: number } };
    assert.ok(creatures.B.files > 0 && creatures.B.files < creatures.A.files, JSON.stringify(result.creatures));
    assert.deepEqual([result.play.commits, result.held_out.commits], [4, 2]);
    assert.ok(result.play.wins.A > result.play.wins.B, JSON.stringify(result.play));
    assert.ok(result.lessons.to_B > 0 && result.lessons.files_added.B > 0, JSON.stringify(result.lessons));
    assert.ok(result.lessons.files_added.B <= creatures.A.files - creatures.B.files, 'only start-tree files B lacked are added');
    const { before, after, control } = result.held_out;
    assert.ok(after.B.em > before.B.em, JSON.stringify(result.held_out));
    assert.deepEqual(control, before, 'without code learning the controls stay where they started');
    assert.ok(before.A.em >= before.B.em);
    assert.equal(result.spans.length, result.lessons.total);
    for (const span of result.spans) {
      assert.ok(validateSpan(span).ok, JSON.stringify(validateSpan(span)));
      assert.equal(span.id, spanContentHash(span).slice(0, 32));
      assert.deepEqual([span.source, span.did, span.who], ['self_play', 'learn_from_self_play', 'A']);
      assert.equal(span.metadata?.ground_truth, span.if_ok);
      assert.notEqual(span.if_not, span.if_ok);
    }
    assert.match(formatSelfPlay(result), /wins A \d+, B \d+/);
  });

  it('with code learning every creature indexes the played commits: the controls learn the code', async () => {
    for (let k = 0; k < 6; k++) write(`src/m${k}.ts`, moduleText(k));
    commitAll(dir, 0);
    for (let t = 1; t <= 6; t++) {
      write(`new${t}/n.ts`, moduleText(100 + (t % 3)));
      commitAll(dir, t);
    }
    const result = await benchSelfPlay({ repo: dir, start: 0.1, heldOut: 0.34, perCommit: 10, seed: 1, variant: { kind: 'half-files' }, learnCode: true }, never, progress);
    const { before, control } = result.held_out;
    assert.equal(before.A.em, 0, 'the held-out modules are not in the start tree');
    assert.ok(control.A.em > 0 && control.B.em > 0, JSON.stringify(result.held_out));
  });

  it('is deterministic for a seed, and refuses a history too short to split', async () => {
    for (let k = 0; k < 4; k++) write(`src/m${k}.ts`, moduleText(k));
    commitAll(dir, 0);
    await assert.rejects(benchSelfPlay({ repo: dir, start: 0.5, heldOut: 0.5, perCommit: 10, seed: 1, variant: { kind: 'half-files' }, learnCode: true }, never, progress), ReplayHistoryError);
    for (let t = 1; t <= 3; t++) {
      write(`copies${t}/c.ts`, moduleText(t));
      commitAll(dir, t);
    }
    const options = { repo: dir, start: 0.3, heldOut: 0.5, perCommit: 10, seed: 2, variant: { kind: 'config' as const, config: { learnedWeightGain: 0 } }, learnCode: true };
    assert.deepEqual(await benchSelfPlay(options, never, progress), await benchSelfPlay(options, never, progress));
  });
});
