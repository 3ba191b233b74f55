import { strict as assert } from 'node:assert';
import { codeExecutorTool } from './codeExecutorTool';
import { validateToolArgs } from './jsonSchema';

describe('validateToolArgs', () => {
  const schema = codeExecutorTool.parameters;

  it('fills defaults and keeps given values', () => {
    const result = validateToolArgs({ code: 'print(1)', language: 'python' }, schema);
    assert.deepEqual(result, { ok: true, args: { code: 'print(1)', language: 'python', timeout_ms: 5000 } });
  });

  it('names every problem with its path', () => {
    const result = validateToolArgs({ language: 'rust', timeout_ms: 1.5, extra: 1 }, schema);
    assert.equal(result.ok, false);
    const messages = result.ok ? [] : result.problems.map((p) => `${p.path} ${p.message}`);
    assert.deepEqual(messages.sort(), [
      'args.code is required',
      'args.extra is not a parameter (known: code, language, timeout_ms)',
      'args.language must be one of "javascript", "python", got "rust"',
      'args.timeout_ms must be an integer, got number',
    ]);
  });

  it('rejects non-objects, bounds and lengths', () => {
    assert.deepEqual(validateToolArgs('x', schema), { ok: false, problems: [{ path: 'args', message: 'must be a object, got string' }] });
    assert.deepEqual(validateToolArgs([], schema), { ok: false, problems: [{ path: 'args', message: 'must be a object, got array' }] });
    const bounds = validateToolArgs({ code: '', timeout_ms: 10 }, schema);
    assert.deepEqual(bounds.ok ? [] : bounds.problems.map((p) => p.message), ['must have at least 1 characters', 'must be ≥ 100, got 10']);
    const nan = validateToolArgs({ code: 'x', timeout_ms: Number.NaN }, schema);
    assert.deepEqual(nan.ok ? [] : nan.problems.map((p) => p.message), ['must be an integer, got non-finite number']);
  });
});
