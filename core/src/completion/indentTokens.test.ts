import { strict as assert } from 'node:assert';
import { CompletionEngine } from './completionEngine';
import { DEDENT_TOKEN, INDENT_TOKEN, NEWLINE_TOKEN, START_TOKEN, TokenVocabulary, tokenStream } from './tokenStream';

const PYTHON = ['def f(x):', '    if x:', '        return 1', '    # a comment at another depth', '', '    return 2', 'y = f(0)'];

function tokensOf(lines: string[], indentTokens: boolean): string[] {
  const vocabulary = new TokenVocabulary();
  const { tokens } = tokenStream(lines, vocabulary, true, indentTokens);
  const names: Record<string, string> = { [INDENT_TOKEN]: 'INDENT', [DEDENT_TOKEN]: 'DEDENT', [NEWLINE_TOKEN]: 'NL', [START_TOKEN]: 'START' };
  return [...tokens].map((id) => names[vocabulary.token(id)] ?? vocabulary.token(id));
}

describe('INDENT/DEDENT tokens (indentation as structure, for Python)', () => {
  it('open a line one level deeper with INDENT and close levels with one DEDENT each; comments and blank lines do not count', () => {
    assert.deepEqual(tokensOf(PYTHON, true).join(' '),
      'START def f ( x ) : NL INDENT if x : NL INDENT return 1 NL # a comment at another depth NL NL DEDENT return 2 NL DEDENT y = f ( 0 ) NL');
    assert.ok(!tokensOf(PYTHON, false).includes('INDENT'), 'without the option indentation is not a token');
  });

  it('let the engine tell code inside a block from code after it', () => {
    // Both files have the same tokens before the cursor's line but for indentation: inside the `for` or after it.
    const inside = ['def g(items):', '    for item in items:', '        total = add(item)', '        log(total)'];
    const after = ['def g(items):', '    for item in items:', '        total = add(item)', '    log(total)'];
    const engine = new CompletionEngine({ indentTokens: 1 });
    engine.addFile('a.py', 'python', [...inside, '        return total'].join('\n'));
    engine.addFile('b.py', 'python', [...after, '    return items'].join('\n'));
    const blind = new CompletionEngine({ indentTokens: 0 });
    blind.addFile('a.py', 'python', [...inside, '        return total'].join('\n'));
    blind.addFile('b.py', 'python', [...after, '    return items'].join('\n'));
    // With indentation as structure, the model that composes after `log(total)` knows which block it is in.
    const next = (e: CompletionEngine) => e.complete({ file: 'q.py', language: 'python', prefix: [...inside, ''].join('\n'), suffix: '' }, { showThreshold: 0 }).candidates[0]?.text.trim();
    assert.equal(next(engine), 'return total');
    // Blind to indentation both contexts are the same tokens: the tie goes to the other line.
    assert.equal(next(blind), 'return items');
  });
});
