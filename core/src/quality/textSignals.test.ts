import { strict as assert } from 'node:assert';
import { bracketProblem, endsMidSentence, hasDiffHunk, isTrivialText, looksLikeCode } from './textSignals';

describe('quality: text signals', () => {
  it('accepts balanced code in several languages', () => {
    assert.equal(bracketProblem('function f(a) {\n  return [a, { b: "}" }];\n}'), undefined);
    assert.equal(bracketProblem('def f():\n    """Doc (with a paren\n    over lines"""\n    return g(1)  # trailing ) in comment'), undefined);
    assert.equal(bracketProblem("fn longer<'a>(x: &'a str) -> &'a str { x }"), undefined);
    assert.equal(bracketProblem('const s = `template ${a}`; // it\'s fine ('), undefined);
  });

  it('reports the first imbalance', () => {
    assert.equal(bracketProblem('f(a, b'), "unclosed '('");
    assert.equal(bracketProblem('a[1)]'), "unexpected ')'");
    assert.equal(bracketProblem('x = "open'), 'unterminated " string');
    assert.equal(bracketProblem('s = """never closed'), 'unterminated """ string');
  });

  it('recognises diffs, code, trivial text and mid-sentence stops', () => {
    assert.ok(hasDiffHunk('diff --git a/x b/x\n@@ -1 +1,2 @@\n+a'));
    assert.ok(!hasDiffHunk('+a\n-b'));
    assert.ok(looksLikeCode('const a = 1;\nconst b = f(a);'));
    assert.ok(!looksLikeCode('Just a sentence.\nAnd another one.'));
    assert.ok(isTrivialText(' TODO ') && isTrivialText('---') && !isTrivialText('ok'));
    assert.ok(endsMidSentence('This is the first full sentence here. And the second one stops right in the middle of'));
    assert.ok(!endsMidSentence('This is the first full sentence here. And the second one ends properly with a dot.'));
    assert.ok(!endsMidSentence('Steps to follow now. Do these:\n- install the package first\n- run the build command'));
  });
});
