import { strict as assert } from 'node:assert';
import { codeExecutorTool } from './codeExecutorTool';
import { createDefaultToolRegistry } from './defaultToolRegistry';
import { imageGeneratorTool, webSearchTool } from './providerTools';
import { ToolDecider } from './toolDecider';
import { ToolSuccessTable } from './toolSuccessTable';
import { readFileTool, workspaceSearchTool } from './workspaceTools';

describe('tool triggers and argument extraction', () => {
  it('takes code and its language from a fenced block', () => {
    assert.deepEqual(codeExecutorTool.extractArgs('run this\n```python\nprint(1)\n```'), { code: 'print(1)\n', language: 'python' });
    assert.deepEqual(codeExecutorTool.extractArgs('```\nconsole.log(1)\n```'), { code: 'console.log(1)\n', language: 'javascript' });
    assert.deepEqual(codeExecutorTool.extractArgs('in python please:\n```\nprint(2)\n```'), { code: 'print(2)\n', language: 'python' });
    // An unknown language is passed on as written, so validation names it instead of running it as JavaScript.
    assert.deepEqual(codeExecutorTool.extractArgs('```rust\nfn main() {}\n```'), { code: 'fn main() {}\n', language: 'rust' });
    assert.equal(codeExecutorTool.extractArgs('run my code'), undefined);
  });

  it('takes a search query and a file path (with a line range) from a request', () => {
    assert.deepEqual(workspaceSearchTool.extractArgs('search the workspace for "parseExpression"'), { query: 'parseExpression' });
    assert.deepEqual(workspaceSearchTool.extractArgs('where is TrajectoryMatcher defined?'), { query: 'TrajectoryMatcher' });
    assert.deepEqual(workspaceSearchTool.extractArgs('find createProgram in the repo'), { query: 'createProgram' });
    assert.deepEqual(readFileTool.extractArgs('show me the file src/main.ts'), { path: 'src/main.ts' });
    assert.deepEqual(readFileTool.extractArgs('read `core/src/index.ts` lines 3-9'), { path: 'core/src/index.ts', start_line: 3, end_line: 9 });
    assert.equal(readFileTool.extractArgs('read the file please'), undefined);
  });

  it('takes the web query and the image prompt and style', () => {
    assert.deepEqual(webSearchTool.extractArgs('search the web for node 22 release date?'), { query: 'node 22 release date' });
    assert.deepEqual(webSearchTool.extractArgs('look up the latest TypeScript version'), { query: 'the latest TypeScript version' });
    assert.deepEqual(imageGeneratorTool.extractArgs('draw a red fox in pixel art style'), { prompt: 'a red fox', style: 'pixel art' });
    assert.deepEqual(imageGeneratorTool.extractArgs('generate an image of a sunset'), { prompt: 'a sunset' });
  });

  it('routes typical requests to the right tool', async () => {
    const registry = createDefaultToolRegistry();
    const decider = new ToolDecider(registry, new ToolSuccessTable());
    const cases: [string, string | undefined][] = [
      ['what is 15% of 80? compute 0.15 * 80', 'calculator'],
      ['how much is 12 times 12', 'calculator'],
      ['run this:\n```js\nconsole.log(2 ** 8)\n```', 'code_executor'],
      ['show me the file src/app.ts', 'read_file'],
      ['search the codebase for "TODO"', 'workspace_search'],
      ['what is the latest news on Node.js', 'web_search'],
      ['draw a cat', 'image_generator'],
      ['explain closures in JavaScript', undefined],
    ];
    for (const [request, expected] of cases) assert.equal((await decider.decide(request)).toolId, expected, request);
  });

  it('learning ignores refusals that say nothing about the tool (not configured, cancelled, busy)', () => {
    const span = (success: boolean, error_code?: string) => ({
      schema_version: 1, id: 'x', source: 'tool_use' as const, who: 'arenalab', did: 'use_tool', this: 'q', when: '2026-01-01T00:00:00.000Z', status: 'failed' as const,
      metadata: { request_kind: 'web', tools_used: [{ tool: 'web_search', args: {}, success, ...(error_code ? { error_code } : {}) }] },
    });
    const table = ToolSuccessTable.fromSpans([span(false, 'not_configured'), span(false, 'cancelled'), span(false, 'busy'), span(false, 'timeout'), span(true)]);
    assert.deepEqual(table.rows(), [{ kind: 'web', toolId: 'web_search', successes: 1, failures: 1, rate: 0.5 }]);
  });
});
