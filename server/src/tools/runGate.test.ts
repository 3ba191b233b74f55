import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { CancelledError, ToolError } from '@arenalab/core';
import { CodeSandbox } from './codeSandbox';
import { sandboxCodeExecutor } from './codeExecutor';
import { resolveSandboxConcurrency, RunGate, SandboxBusyError, SandboxConcurrencyError } from './runGate';

/** Sandbox runs of this process right now: its `unshare` children, one per running program. */
function runningSandboxes(): number {
  let count = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid …: comm may hold spaces, so read after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid && stat.includes('(unshare)')) count++;
    } catch {
      // The process ended while we looked.
    }
  }
  return count;
}

describe('RunGate', () => {
  it('admits up to maxConcurrentRuns, queues up to maxQueuedRuns in order, refuses the next as busy', async () => {
    const gate = new RunGate({ maxConcurrentRuns: 2, maxQueuedRuns: 1 });
    const first = await gate.enter();
    const second = await gate.enter();
    const order: string[] = [];
    const third = gate.enter().then((release) => (order.push('third'), release));
    assert.deepEqual([gate.running, gate.queued], [2, 1]);
    await assert.rejects(gate.enter(), (error: unknown) => error instanceof SandboxBusyError && /busy: 2 programs are running and 1 are waiting/.test(error.message));
    first();
    first(); // a second release of the same slot changes nothing
    const release = await third;
    assert.deepEqual(order, ['third']);
    assert.deepEqual([gate.running, gate.queued], [2, 0]);
    second();
    release();
    assert.deepEqual([gate.running, gate.queued], [0, 0]);
  });

  it('a run cancelled while it waits leaves the queue and rejects with CancelledError', async () => {
    const gate = new RunGate({ maxConcurrentRuns: 1, maxQueuedRuns: 1 });
    const running = await gate.enter();
    const token = { isCancelled: false };
    const waiting = gate.enter(token);
    token.isCancelled = true;
    await assert.rejects(waiting, CancelledError);
    assert.equal(gate.queued, 0);
    await assert.rejects(gate.enter({ isCancelled: true }), CancelledError);
    running();
    assert.equal(gate.running, 0);
  });

  it('checks its settings', () => {
    assert.deepEqual(resolveSandboxConcurrency(), { maxConcurrentRuns: 2, maxQueuedRuns: 8 });
    assert.deepEqual(resolveSandboxConcurrency({ maxQueuedRuns: 0 }), { maxConcurrentRuns: 2, maxQueuedRuns: 0 });
    assert.throws(() => resolveSandboxConcurrency({ maxConcurrentRuns: 0 }), SandboxConcurrencyError);
    assert.throws(() => resolveSandboxConcurrency({ maxQueuedRuns: 1.5 }), /maxQueuedRuns must be a non-negative integer/);
  });
});

describe('CodeSandbox concurrency (real processes)', function () {
  this.timeout(120_000);

  it('a burst of 10 runs never has more than maxConcurrentRuns sandboxes alive at once, and all 10 finish', async () => {
    const sandbox = await CodeSandbox.create({ timeoutMs: 20_000 }, { maxConcurrentRuns: 2, maxQueuedRuns: 8 });
    let most = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        most = Math.max(most, runningSandboxes());
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    // Each program stays alive long enough (1 s) to be seen by the sampler; the count is read from /proc, not timed.
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => sandbox.run('python', `import time\ntime.sleep(1)\nprint(${i})`)));
    sampling = false;
    await sampler;
    assert.deepEqual(results.map((result) => result.stdout.trim()), ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    assert.ok(most <= 2, `${most} sandboxes ran at once`);
    assert.equal(most, 2, 'the runs were never two at a time: the sampler saw nothing or the gate let only one through');
    assert.deepEqual(sandbox.load(), { running: 0, queued: 0 });
  });

  it('a run beyond the queue is refused at once as busy, through the tool executor as well', async () => {
    const sandbox = await CodeSandbox.create({ timeoutMs: 20_000 }, { maxConcurrentRuns: 1, maxQueuedRuns: 1 });
    const slow = 'import time\ntime.sleep(1)\nprint("done")';
    const running = [sandbox.run('python', slow), sandbox.run('python', slow)];
    await assert.rejects(sandbox.run('python', 'print(1)'), (error: unknown) => error instanceof SandboxBusyError && /the code sandbox is busy/.test(error.message));
    const executor = sandboxCodeExecutor({}, async () => sandbox);
    await assert.rejects(executor.execute({ code: 'print(1)', language: 'python', timeout_ms: 5000 }), (error: unknown) => error instanceof ToolError && error.code === 'busy');
    assert.deepEqual((await Promise.all(running)).map((result) => result.stdout), ['done\n', 'done\n']);
    assert.equal((await sandbox.run('python', 'print(2)')).stdout, '2\n');
  });
});
