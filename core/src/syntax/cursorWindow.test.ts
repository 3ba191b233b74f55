import { strict as assert } from 'node:assert';
import * as fc from 'fast-check';
import { cursorWindow } from './cursorWindow';

const textArb = fc.array(fc.constantFrom('a', 'b', ' ', '\n', 'é'), { maxLength: 60 }).map((chars) => chars.join(''));
// With comment and docstring delimiters the window may only get shorter, never cut the cursor line.
const delimitedArb = fc.array(fc.constantFrom('a', ' ', '  ', '\t', '\n', '/*', '*/', '"""', "'''"), { maxLength: 40 }).map((parts) => parts.join(''));

describe('syntax: cursorWindow', () => {
  it('keeps the last N prefix lines and the first M suffix lines, the cursor line counting on both sides', () => {
    const prefix = 'l1\nl2\nl3\nl4\npart';
    const suffix = 'rest\ns1\ns2\ns3';
    assert.deepEqual(cursorWindow(prefix, suffix, { prefixLines: 3, suffixLines: 2 }), { context: '', prefix: 'l3\nl4\npart', suffix: 'rest\ns1' });
    assert.deepEqual(cursorWindow(prefix, suffix, { prefixLines: 99, suffixLines: 99 }), { context: '', prefix, suffix });
    assert.deepEqual(cursorWindow('', '', { prefixLines: 1, suffixLines: 1 }), { context: '', prefix: '', suffix: '' });
  });

  it('carries the header lines of the blocks open at the window start, outermost first', () => {
    const prefix = 'import x;\nclass A {\n  // note\n  run() {\n    if (x) {\n      a();\n    }\n    b();\n    ';
    const window = cursorWindow(prefix, '\n  }\n}\n', { prefixLines: 4 });
    assert.equal(window.prefix, '      a();\n    }\n    b();\n    ');
    assert.equal(window.context, 'class A {\n  run() {\n');
    const python = cursorWindow('class A:\n    def m(self):\n        if x:\n            y = 1\n', '        else:\n', { prefixLines: 2 });
    assert.equal(python.context, 'class A:\n    def m(self):\n        if x:\n');
  });

  it('is a tail of the prefix and a head of the suffix with at most N and M lines (property)', () => {
    fc.assert(
      fc.property(textArb, textArb, fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 }), (prefix, suffix, prefixLines, suffixLines) => {
        const window = cursorWindow(prefix, suffix, { prefixLines, suffixLines });
        assert.ok(prefix.endsWith(window.prefix));
        assert.ok(suffix.startsWith(window.suffix));
        assert.ok(window.prefix.split('\n').length <= prefixLines);
        assert.ok(window.suffix.split('\n').length <= suffixLines);
        assert.ok(window.prefix.endsWith(prefix.slice(prefix.lastIndexOf('\n') + 1)), 'the cursor line is always kept');
        const allPrefixLines = prefix.split('\n').length;
        if (allPrefixLines <= prefixLines) assert.equal(window.prefix, prefix);
        else assert.equal(window.prefix.split('\n').length, prefixLines);
        if (suffix.split('\n').length <= suffixLines) assert.equal(window.suffix, suffix);
      }),
      { seed: 3, numRuns: 500 },
    );
  });

  it('never starts inside a block comment or a docstring, nor ends inside one, when its end is in the window', () => {
    const comment = cursorWindow('/**\n * prose\n * more\n */\nconst a = 1;\nb', '', { prefixLines: 4 });
    assert.equal(comment.prefix, 'const a = 1;\nb');
    const docstring = cursorWindow('def f():\n    """Say\n    things.\n    """\n    x = 1\n    ', '', { prefixLines: 4 });
    assert.equal(docstring.prefix, '    x = 1\n    ');
    const open = cursorWindow('x', '\ny = 2\n/**\n * doc', { suffixLines: 4 });
    assert.equal(open.suffix, '\ny = 2');
    const closed = cursorWindow('x', '\ny = 2\n/** doc */\nz', { suffixLines: 4 });
    assert.equal(closed.suffix, '\ny = 2\n/** doc */\nz');
    const cursorInComment = cursorWindow('/*\n a\n b', ' */', { prefixLines: 2 });
    assert.deepEqual(cursorInComment, { context: '/*\n', prefix: ' a\n b', suffix: ' */' });
    const longComment = cursorWindow('/**\n * a', '\n * b\n * c\n * d\n */\nx = 1;\ny', { suffixLines: 2 });
    assert.equal(longComment.suffix, '\n * b\n * c\n * d\n */');
    const cursorInDocstring = cursorWindow('x = 1\n"""\nprose\n', 'more\n"""', { prefixLines: 2 });
    assert.deepEqual(cursorInDocstring, { context: '"""\n', prefix: 'prose\n', suffix: 'more\n"""' });
  });

  it('with delimiters, is still a tail of the prefix keeping the cursor line, and a head of the suffix (property)', () => {
    fc.assert(
      fc.property(delimitedArb, delimitedArb, fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), (prefix, suffix, prefixLines, suffixLines) => {
        const window = cursorWindow(prefix, suffix, { prefixLines, suffixLines });
        assert.ok(prefix.endsWith(window.prefix));
        assert.ok(window.prefix.endsWith(prefix.slice(prefix.lastIndexOf('\n') + 1)));
        assert.ok(prefix.slice(0, prefix.length - window.prefix.length).split('\n').length >= window.context.split('\n').length);
        assert.ok(suffix.startsWith(window.suffix));
        const firstLine = suffix.indexOf('\n') === -1 ? suffix : suffix.slice(0, suffix.indexOf('\n'));
        assert.ok(window.suffix.startsWith(firstLine));
        assert.ok(window.prefix.split('\n').length <= prefixLines);
      }),
      { seed: 5, numRuns: 1000 },
    );
  });

  it('refuses a window of fewer than one line', () => {
    assert.throws(() => cursorWindow('a', 'b', { prefixLines: 0 }), TypeError);
  });
});
