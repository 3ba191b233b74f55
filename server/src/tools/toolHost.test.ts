import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fixedClock, type ToolExecutor } from '@arenalab/core';
import { SpanStore } from '../store';
import { ToolHost } from './toolHost';

// A planted AWS access key id (the redaction tests' fixture): it must never reach the store.
const SECRET = 'AKIAQX7RPLK2MZ4TNW3E';

describe('ToolHost (real store)', () => {
  let tmp: string;
  beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-tool-host-'))));
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const echo: ToolExecutor = { execute: async (args) => ({ text: `printed ${String(args.code)}` }) };

  it('stores every tool use as a redacted, valid span and learns from the store when reopened', async () => {
    const storeDir = path.join(tmp, 'store');
    let store = await SpanStore.open(storeDir, { mode: 'write' });
    let host = await ToolHost.open({ store, clock: fixedClock(Date.UTC(2026, 1, 3)), codeExecutor: echo, workspace: tmp });
    const calc = await host.ask('what is 234 * 567?');
    assert.equal(calc.answer.split('\n')[0], '234 * 567 = 132678');
    assert.ok(calc.spanId?.startsWith('sp_'));
    const code = await host.ask(`run this:\n\`\`\`js\nconsole.log("${SECRET}")\n\`\`\``);
    assert.equal(code.method, 'tool_synthesis');
    const none = await host.ask('good morning');
    assert.equal(none.spanId, undefined);
    const failed = await host.run('calculator', { expression: '1/0' });
    assert.equal(failed.method, 'tool_failed');
    await store.close();

    const log = fs.readFileSync(path.join(storeDir, 'spans.log'), 'utf8');
    assert.ok(!log.includes(SECRET), 'the planted secret reached the store');
    assert.match(log, /<redacted:aws_access_key>/);

    store = await SpanStore.open(storeDir, { mode: 'write' });
    const spans = [];
    for await (const span of store.spans()) spans.push(span);
    assert.deepEqual(spans.map((span) => [span.did, span.status, span.metadata?.request_kind]), [
      ['use_tool', 'completed', 'what_is_number'],
      ['use_tool', 'completed', 'fenced_code'],
      ['use_tool', 'failed', 'direct'],
    ]);
    host = await ToolHost.open({ store, codeExecutor: echo, workspace: tmp });
    assert.deepEqual(host.table.row('what_is_number', 'calculator'), { kind: 'what_is_number', toolId: 'calculator', successes: 1, failures: 0, rate: 1 });
    assert.equal(host.table.row('direct', 'calculator')?.failures, 1);
    const again = await host.ask('what is 2 * 21');
    assert.match(again.answer, /before this, 1 of 1 'what_is_number' requests worked with it/);
    await store.close();
  });

  it('without a workspace the file tools refuse plainly', async () => {
    const host = await ToolHost.open({ codeExecutor: echo });
    const answer = await host.run('read_file', { path: 'a.ts' });
    assert.equal(answer.results[0].error, 'read_file is not available here: no workspace is open');
    assert.equal(answer.spanId, undefined);
  });
});
