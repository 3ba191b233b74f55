import { strict as assert } from 'node:assert';
import { isSkip, RunTracker } from './runTracker';

function clock() {
  const c = { now: 1000, tick: (ms: number) => { c.now += ms; } };
  return c;
}

describe('RunTracker', () => {
  it('a task from start to end: name, kind, exit code, duration and the documents it concerns', () => {
    const c = clock();
    const runs = new RunTracker(() => c.now);
    runs.saved('file:///w/a.ts');
    runs.saved('file:///w/b.ts');
    runs.started('exec-1', 'npm: test', 'tests');
    c.tick(2500);
    assert.deepEqual(runs.ended('exec-1', { exitCode: 1, activeUri: 'file:///w/b.ts' }), {
      name: 'npm: test', kind: 'tests', exitCode: 1, durationMs: 2500, uris: ['file:///w/b.ts', 'file:///w/a.ts'],
    });
  });

  it('documents saved before a run count once: the next run only names those saved since', () => {
    const c = clock();
    const runs = new RunTracker(() => c.now);
    runs.saved('file:///w/a.ts');
    runs.started(1, 'build', 'task');
    runs.ended(1, { exitCode: 0 });
    runs.started(2, 'build', 'task');
    const second = runs.ended(2, { exitCode: 0 });
    assert.ok(!isSkip(second));
    assert.equal(second.uris, undefined);
  });

  it('a debug session takes the exit code its adapter reported before it terminated', () => {
    const c = clock();
    const runs = new RunTracker(() => c.now);
    runs.started('session', 'Launch Program', 'debug');
    c.tick(40);
    runs.exited('session', 3);
    c.tick(10);
    assert.deepEqual(runs.ended('session', {}), { name: 'Launch Program', kind: 'debug', exitCode: 3, durationMs: 50 });
  });

  it('a run without an exit code, or whose start was not seen, is skipped with the reason', () => {
    const runs = new RunTracker(() => 0);
    runs.started('s', 'Attach', 'debug');
    assert.deepEqual(runs.ended('s', {}), { skipped: 'debug "Attach" ended without an exit code' });
    assert.deepEqual(runs.ended('unknown', { exitCode: 0 }), { skipped: 'its start was not seen' });
  });

  it('test counts are passed through when known', () => {
    const runs = new RunTracker(() => 0);
    runs.started('t', 'unit', 'tests');
    assert.deepEqual(runs.ended('t', { exitCode: 0, passed: 12, failed: 0 }), { name: 'unit', kind: 'tests', exitCode: 0, durationMs: 0, passed: 12, failed: 0 });
  });
});
