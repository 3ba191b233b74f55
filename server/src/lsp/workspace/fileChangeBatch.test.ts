import { strict as assert } from 'node:assert';
import { FileChangeBatch } from './fileChangeBatch';
import type { BatchTimer, FileChange } from './fileChangeBatch';

/** A timer the test advances by hand: nothing runs until `advance` passes its time. */
function manualTimer(): BatchTimer & { advance(ms: number): void } {
  let now = 0;
  const due: { at: number; run: () => void; cancelled: boolean }[] = [];
  return {
    schedule(delayMs, run) {
      const entry = { at: now + delayMs, run, cancelled: false };
      due.push(entry);
      return () => (entry.cancelled = true);
    },
    advance(ms) {
      now += ms;
      for (const entry of due.splice(0).sort((a, b) => a.at - b.at)) {
        if (entry.cancelled) continue;
        if (entry.at <= now) entry.run();
        else due.push(entry);
      }
    },
  };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));
const change = (uri: string, deleted = false): FileChange => ({ uri, deleted });

describe('FileChangeBatch', () => {
  function setup() {
    const timer = manualTimer();
    const batches: FileChange[][] = [];
    const errors: string[] = [];
    const batch = new FileChangeBatch({ timer, apply: (changes) => Promise.resolve(void batches.push([...changes])), logError: (l) => errors.push(l), settleMs: 100, maxWaitMs: 1000 });
    return { timer, batches, errors, batch };
  }

  it('applies 500 files reported one notification each as one batch once the reports pause', async () => {
    const { timer, batches, batch } = setup();
    for (let i = 0; i < 500; i++) {
      batch.add([change(`file:///w/f${i}.ts`)]);
      timer.advance(1);
    }
    await settled();
    assert.equal(batches.length, 0, 'nothing while the reports keep coming');
    timer.advance(100);
    await settled();
    assert.equal(batches.length, 1);
    assert.equal(batches[0].length, 500);
  });

  it('applies a file reported several times once, in its last state', async () => {
    const { timer, batches, batch } = setup();
    batch.add([change('file:///w/a.ts'), change('file:///w/b.ts')]);
    batch.add([change('file:///w/a.ts', true)]);
    timer.advance(100);
    await settled();
    assert.deepEqual(batches, [[change('file:///w/b.ts'), change('file:///w/a.ts', true)]]);
  });

  it('applies what waited longest after maxWaitMs even while reports keep coming', async () => {
    const { timer, batches, batch } = setup();
    for (let i = 0; i < 30; i++) {
      batch.add([change(`file:///w/f${i}.ts`)]);
      timer.advance(50);
    }
    await settled();
    assert.equal(batches.length, 1, 'one batch at 1000 ms');
    assert.equal(batches[0].length, 20);
  });

  it('logs a failed batch and applies the next one', async () => {
    const timer = manualTimer();
    const errors: string[] = [];
    const applied: FileChange[][] = [];
    let calls = 0;
    const batch = new FileChangeBatch({
      timer, settleMs: 100, logError: (l) => errors.push(l),
      apply: (changes) => {
        if (calls++ === 0) return Promise.reject(new Error('disk on fire'));
        applied.push([...changes]);
        return Promise.resolve();
      },
    });
    batch.add([change('file:///w/a.ts')]);
    timer.advance(100);
    batch.add([change('file:///w/b.ts')]);
    timer.advance(100);
    await settled();
    await settled();
    assert.deepEqual(errors, ['applying 1 changed files failed: disk on fire']);
    assert.deepEqual(applied, [[change('file:///w/b.ts')]]);
  });

  it('applies nothing after dispose', async () => {
    const { timer, batches, batch } = setup();
    batch.add([change('file:///w/a.ts')]);
    batch.dispose();
    batch.add([change('file:///w/b.ts')]);
    timer.advance(5000);
    await settled();
    assert.deepEqual(batches, []);
  });
});
