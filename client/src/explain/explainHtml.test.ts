import { strict as assert } from 'node:assert';
import type { ExplainResult } from '@arenalab/protocol';
import { openSourceUri, renderExplanation, sourceLabel } from './explainHtml';

const result: ExplainResult = {
  suggestionId: 'id-1',
  text: 'return a < b && "x";\n}',
  confidence: 0.834,
  method: 'continuation',
  uri: 'file:///w/src/a.ts',
  sources: [
    { file: 'src/util/compare.ts', line: 41, similarity: 0.92, acceptedBefore: 3 },
    { spanId: 'span-7', similarity: 0.5, acceptedBefore: 1 },
  ],
};

/** The decoded arguments of every `command:` link in the page. */
function commandLinks(html: string): { command: string; args: unknown }[] {
  return [...html.matchAll(/href="command:([^?"]+)\?([^"]*)"/g)].map((m) => ({
    command: m[1],
    args: JSON.parse(decodeURIComponent(m[2].replace(/&amp;/g, '&'))),
  }));
}

describe('explanation page', () => {
  it('links every file source to the command that opens it at its line', () => {
    const html = renderExplanation(result, 'vscode-resource:');
    assert.deepEqual(commandLinks(html), [{ command: 'arenalab.openSource', args: ['src/util/compare.ts', 41] }]);
    assert.match(html, />src\/util\/compare\.ts:42<\/a>/, 'shown 1-based, as editors number lines');
  });

  it('shows confidence, method, similarity and how often each source was accepted before', () => {
    const html = renderExplanation(result, 'vscode-resource:');
    assert.match(html, /Confidence <strong>83%<\/strong> · method continuation · 2 lines/);
    assert.match(html, /<td class="num">92%<\/td><td class="num">3 times<\/td>/);
    assert.match(html, /span span-7<\/span><\/td><td class="num">50%<\/td><td class="num">once<\/td>/);
  });

  it('escapes the suggested text and every label, and allows no script', () => {
    const html = renderExplanation({ ...result, sources: [{ file: 'a"<b>.ts', line: 0, similarity: 1, acceptedBefore: 0 }] }, 'x:');
    assert.match(html, /<pre>return a &lt; b &amp;&amp; &quot;x&quot;;\n}<\/pre>/);
    assert.ok(!html.includes('<b>'));
    assert.deepEqual(commandLinks(html)[0].args, ['a"<b>.ts', 0]);
    assert.match(html, /default-src 'none'/);
    assert.ok(!/<script/i.test(html));
  });

  it('says so when there are no sources', () => {
    assert.match(renderExplanation({ ...result, sources: [] }, 'x:'), /No recorded sources/);
  });

  it('labels and links a file without a line at its top', () => {
    assert.equal(sourceLabel({ file: 'a.ts', similarity: 1, acceptedBefore: 0 }), 'a.ts');
    assert.equal(sourceLabel({ similarity: 1, acceptedBefore: 0 }), 'unknown source');
    assert.equal(decodeURIComponent(openSourceUri('a b.ts', undefined).split('?')[1]), '["a b.ts",0]');
  });
});
