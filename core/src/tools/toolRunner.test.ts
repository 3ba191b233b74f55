import { strict as assert } from 'node:assert';
import { fixedClock } from '../ports/clock';
import type { Span } from '../spans/span';
import { validateSpan } from '../spans/validateSpan';
import { createDefaultToolRegistry } from './defaultToolRegistry';
import type { ToolExecutor } from './tool';
import { ToolDecider } from './toolDecider';
import { ToolError } from './toolErrors';
import { ToolRunner } from './toolRunner';
import { ToolSuccessTable } from './toolSuccessTable';

const START = Date.UTC(2026, 0, 2, 3, 4, 5);

function setup(host: Parameters<typeof createDefaultToolRegistry>[0] = {}) {
  const registry = createDefaultToolRegistry(host);
  const table = new ToolSuccessTable();
  const decider = new ToolDecider(registry, table);
  const runner = new ToolRunner({ registry, decider, table, clock: fixedClock(START) });
  return { registry, table, decider, runner };
}

/** A stored span: validated (so it has an id), as the host would hand it back. */
function stored(draft: Omit<Span, 'id'> | undefined): Span {
  const checked = validateSpan(draft);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.span;
}

describe('ToolRunner', () => {
  it('answers arithmetic with the calculator and returns a valid completed tool-use span', async () => {
    const { runner } = setup();
    const answer = await runner.ask('what is 2^10 * 3?');
    assert.equal(answer.usedTool, true);
    assert.equal(answer.method, 'tool_synthesis');
    assert.equal(answer.confidence, 70);
    assert.match(answer.answer, /^2\^10 \* 3 = 3072\n\(tool: calculator, chosen by the 'what_is_number' pattern, confidence 0\.80\)$/);
    const span = stored(answer.span);
    assert.equal(span.did, 'use_tool');
    assert.equal(span.source, 'tool_use');
    assert.equal(span.status, 'completed');
    assert.equal(span.when, new Date(START).toISOString());
    assert.deepEqual(span.metadata?.tools_used, [{ tool: 'calculator', args: { expression: '2^10 * 3' }, success: true }]);
    assert.equal(span.metadata?.request_kind, 'what_is_number');
  });

  it('says plainly that web search and image generation are not configured, and stores a failed span', async () => {
    const { runner } = setup();
    const web = await runner.ask('search the web for the latest node release');
    assert.equal(web.results[0].errorCode, 'not_configured');
    assert.match(web.answer, /^Not available: web_search is not configured: no web search provider is configured/);
    assert.equal(stored(web.span).status, 'failed');
    const image = await runner.ask('draw a lighthouse in watercolor style');
    assert.deepEqual(image.results[0].args, { prompt: 'a lighthouse', style: 'watercolor' });
    assert.match(image.answer, /image_generator is not configured/);
  });

  it('uses a configured provider', async () => {
    const { runner } = setup({ webSearch: { name: 'fake', search: async (query, n) => [{ title: `about ${query}`, url: 'https://example.org/a', snippet: `top ${n}` }] } });
    const answer = await runner.ask('search the web for node 22');
    assert.equal(answer.method, 'tool_synthesis');
    assert.match(answer.answer, /1\. about node 22\n {3}https:\/\/example\.org\/a\n {3}top 5/);
  });

  it('does not use a tool when none fits, and says why', async () => {
    const { runner } = setup();
    const answer = await runner.ask('tell me a story about a dragon');
    assert.equal(answer.usedTool, false);
    assert.equal(answer.method, 'no_tool');
    assert.equal(answer.confidence, 20);
    assert.equal(answer.span, undefined);
    assert.match(answer.decision?.reason ?? '', /no tool pattern matches/);
  });

  it('reports bad arguments and unknown tools as failed results, never throwing', async () => {
    const { runner } = setup();
    const bad = await runner.run('calculator', { expression: 5 });
    assert.equal(bad.method, 'tool_failed');
    assert.equal(bad.results[0].error, 'bad arguments for calculator: args.expression must be a string, got number');
    const unknown = await runner.run('teleport', {});
    assert.match(unknown.results[0].error ?? '', /unknown tool 'teleport' \(known: calculator, code_executor, read_file, workspace_search, web_search, image_generator\)/);
    const host = await runner.run('code_executor', { code: '1' });
    assert.equal(host.results[0].errorCode, 'unavailable');
  });

  it('learns success rates per request kind and stops choosing a tool that keeps failing', async () => {
    let calls = 0;
    const failing: ToolExecutor = {
      async execute() {
        calls += 1;
        throw new ToolError('failed', 'broken on purpose');
      },
    };
    const { runner, table } = setup({ codeExecutor: failing });
    const request = 'run this:\n```js\nconsole.log(1)\n```';
    for (let i = 0; i < 3; i++) assert.equal((await runner.ask(request)).results[0].toolId, 'code_executor');
    assert.deepEqual(table.row('fenced_code', 'code_executor'), { kind: 'fenced_code', toolId: 'code_executor', successes: 0, failures: 3, rate: 0 });
    const after = await runner.ask(request);
    assert.equal(after.usedTool, false);
    assert.match(after.decision?.reason ?? '', /passed over code_executor \(fails 'fenced_code' requests too often\)/);
    assert.equal(calls, 3);
    // A table learned from the stored spans agrees.
    const relearned = ToolSuccessTable.fromSpans([stored((await setup({ codeExecutor: failing }).runner.ask(request)).span)]);
    assert.equal(relearned.row('fenced_code', 'code_executor')?.failures, 1);
  });

  it('falls back to similar past tool uses when no trigger matches', async () => {
    const files: Record<string, string> = { 'src/a.ts': 'export const a = 1;', 'src/b.ts': 'export const b = 2;' };
    const readFile: ToolExecutor = { execute: async (args) => ({ text: files[String(args.path)] ?? 'missing' }) };
    const { runner, decider } = setup({ readFile });
    assert.equal((await runner.ask('contents of src/b.ts')).usedTool, false, 'no trigger matches this wording');
    const past = await runner.run('read_file', { path: 'src/a.ts' }, { request: 'contents of src/a.ts' });
    runner.remember(stored({ ...past.span!, metadata: { ...past.span!.metadata, request_kind: 'contents_of' } }));
    const answer = await runner.ask('contents of src/b.ts');
    assert.equal(answer.decision?.method, 'trajectory');
    assert.equal(answer.decision?.kind, 'contents_of');
    assert.deepEqual(answer.results[0].args, { path: 'src/b.ts' });
    assert.equal(answer.results[0].output?.text, 'export const b = 2;');
    assert.equal(answer.decision?.provenance.length, 1);
    assert.ok((answer.decision?.confidence ?? 0) > 0.5 && (answer.decision?.confidence ?? 1) <= 0.8);
    // Unrelated requests stay tool-free.
    assert.equal((await decider.decide('tell me a story')).method, 'none');
  });

  it('extracts no expression from words without an operator', () => {
    assert.equal(setup().registry.get('calculator').tool.extractArgs('the product of 7 and 6'), undefined);
  });
});
