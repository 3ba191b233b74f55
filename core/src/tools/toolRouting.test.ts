import { strict as assert } from 'node:assert';
import { codeExecutorTool } from './codeExecutorTool';
import { createDefaultToolRegistry } from './defaultToolRegistry';
import { matchesTrigger } from './matchesTrigger';
import { MAX_ROUTED_CHARS } from './routedText';
import type { Tool, ToolTrigger } from './tool';
import { ToolDecider } from './toolDecider';
import { ToolRegistry } from './toolRegistry';
import { ToolSuccessTable } from './toolSuccessTable';

// Requests built to make backtracking patterns retry: each trigger's words repeated without what completes them,
// long runs of spaces, digits, backticks and punctuation that trailing-trim patterns rescan from every position.
function adversarialRequests(size: number): Record<string, string> {
  const repeat = (unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  return {
    search: repeat('search '),
    where: repeat('where '),
    readWord: 'read ' + repeat('a'),
    run: repeat('run '),
    whatIsSpaces: 'what is' + repeat(' ') + 'x',
    arithmeticSpaces: '1+' + repeat(' ') + 'x',
    backticks: repeat('`'),
    digits: repeat('1'),
    questionMarks: repeat('?') + 'x',
    findLines: repeat('find a\n') + 'b',
    dots: 'what is 1+' + repeat('.') + '1',
  };
}

/** A RegExp that records the length of every text it is run on. */
class RecordingRegExp extends RegExp {
  constructor(pattern: RegExp, private readonly seen: number[]) {
    super(pattern.source, pattern.flags);
  }

  override exec(text: string): RegExpExecArray | null {
    this.seen.push(text.length);
    return super.exec(text);
  }
}

function recorded(tool: Tool, seen: number[]): Tool {
  const triggers = tool.triggers.map((t): ToolTrigger => ({ kind: t.kind, pattern: new RecordingRegExp(t.pattern, seen), ...(t.then ? { then: new RecordingRegExp(t.then, seen) } : {}) }));
  return { ...tool, triggers };
}

describe('tool routing is bounded and linear in the request', () => {
  it('every default trigger sees at most MAX_ROUTED_CHARS of a 1 MB request', async () => {
    const defaults = createDefaultToolRegistry();
    const seen: number[] = [];
    const registry = new ToolRegistry();
    for (const id of defaults.ids()) registry.register(recorded(defaults.get(id).tool, seen), defaults.get(id).executor);
    const decider = new ToolDecider(registry, new ToolSuccessTable());
    for (const [name, request] of Object.entries(adversarialRequests(1_000_000))) {
      seen.length = 0;
      const decision = await decider.decide(request);
      assert.ok(decision.reason.length > 0, name);
      assert.ok(seen.length > 0, `${name}: the triggers ran`);
      assert.ok(Math.max(...seen) <= MAX_ROUTED_CHARS, `${name}: a trigger saw ${Math.max(...seen)} characters`);
    }
  });

  it('no trigger pattern holds an unbounded wildcard between two parts (a two-part trigger says `then`)', () => {
    const wildcard = /(?:\.|\[\^\\n\]|\[\\s\\S\])[*+]/;
    for (const tool of createDefaultToolRegistry().list()) {
      for (const trigger of tool.triggers) {
        for (const part of [trigger.pattern, trigger.then]) if (part) assert.doesNotMatch(part.source, wildcard, `${tool.id} '${trigger.kind}': ${part.source}`);
      }
    }
  });

  it('a two-part trigger matches as `a.*b` would: b after a, on the same line', () => {
    const trigger: ToolTrigger = { kind: 'k', pattern: /\bsearch\b/i, then: /\bworkspace\b/i };
    assert.equal(matchesTrigger(trigger, 'please search the whole workspace'), true);
    assert.equal(matchesTrigger(trigger, 'workspace: search it'), false);
    assert.equal(matchesTrigger(trigger, 'search\nthe workspace'), false);
    assert.equal(matchesTrigger(trigger, 'first line\nsearch search the workspace'), true);
    assert.equal(matchesTrigger(trigger, 'searchworkspace'), false);
    assert.equal(matchesTrigger({ kind: 'g', pattern: /\bsearch\b/gi, then: /\bworkspace\b/gi }, 'search the workspace'), true);
  });

  it('arguments come from the first MAX_ROUTED_CHARS, except a fenced program, which is read in full', () => {
    const registry = createDefaultToolRegistry();
    const head = 'search the workspace for "needle" and what is 2 * 3 then draw a cat on the web ';
    const tails = Object.values(adversarialRequests(200_000));
    for (const tool of registry.list()) {
      const expected = tool.extractArgs(head + ' '.repeat(MAX_ROUTED_CHARS));
      for (const tail of tails) assert.deepEqual(tool.extractArgs(head + ' '.repeat(MAX_ROUTED_CHARS) + tail), expected, tool.id);
    }
    const program = 'console.log(1);\n'.repeat(5000);
    assert.deepEqual(codeExecutorTool.extractArgs('run this:\n```js\n' + program + '```'), { code: program, language: 'javascript' });
    assert.equal(codeExecutorTool.extractArgs('```js\n' + 'x'.repeat(200_000)), undefined, 'no closing fence after the first line');
  });

  it('routes the typical requests the same with the linear patterns', async () => {
    const decider = new ToolDecider(createDefaultToolRegistry(), new ToolSuccessTable());
    const cases: [string, string | undefined][] = [
      ['where is TrajectoryMatcher defined?', 'workspace_search'],
      ['find createProgram in the repo', 'workspace_search'],
      ['open lib/alpha.ts', 'read_file'],
      ['please show me the file called `README.md`', 'read_file'],
      ['what is - 5 + 2', 'calculator'],
      ['7 divided by ( 2 + 1 )', 'calculator'],
      ['execute this snippet:\n```python\nprint(3)\n```', 'code_executor'],
      ['run\nthis', undefined],
    ];
    for (const [request, expected] of cases) assert.equal((await decider.decide(request)).toolId, expected, request);
  });
});
