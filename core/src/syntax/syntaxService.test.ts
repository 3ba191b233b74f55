import { strict as assert } from 'node:assert';
import * as fc from 'fast-check';
import { CancelledError } from '../ports/cancellation';
import type { GrammarLoader } from '../ports/grammarLoader';
import { countParseErrors } from './countParseErrors';
import { applyChange, editForChange } from './editForChange';
import { SyntaxService } from './syntaxService';
import { SyntaxServiceError } from './syntaxServiceError';
import { FIXTURE_EXTENSIONS, fixtureGrammarLoader, readSyntaxFixture, testSyntaxService } from './syntaxTestSupport';
import { withTree } from './withTree';

const LANGUAGES = Object.keys(FIXTURE_EXTENSIONS);

describe('syntax: SyntaxService', () => {
  let service: SyntaxService;
  before(async () => {
    service = await testSyntaxService();
  });

  it('supports the seven grammars under their LSP language ids, plus javascriptreact', () => {
    for (const id of [...LANGUAGES, 'javascriptreact']) assert.ok(service.supports(id), id);
    assert.equal(service.supports('cobol'), false);
  });

  for (const languageId of LANGUAGES) {
    it(`${languageId}: parses a realistic sample with no errors and a broken one with errors`, async () => {
      const clean = await withTree(service, languageId, readSyntaxFixture(languageId, 'sample'), countParseErrors);
      const broken = await withTree(service, languageId, readSyntaxFixture(languageId, 'broken'), countParseErrors);
      assert.equal(clean, 0);
      assert.ok(broken > 0, `expected errors in broken.${FIXTURE_EXTENSIONS[languageId]}`);
    });
  }

  it('parses JSX with the javascript grammar under javascriptreact', async () => {
    const errors = await withTree(service, 'javascriptreact', 'const a = <div className="x">{b}</div>;\n', countParseErrors);
    assert.equal(errors, 0);
  });

  it('counts MISSING nodes as errors, not only ERROR nodes', async () => {
    await withTree(service, 'typescript', 'const a = (1 + 2;\n', (tree) => {
      const text = tree.rootNode.toString();
      assert.match(text, /MISSING/);
      assert.ok(countParseErrors(tree) >= 1);
    });
  });

  it('rejects an unsupported language with a typed error', async () => {
    await assert.rejects(service.parse('cobol', 'x'), (error: unknown) =>
      error instanceof SyntaxServiceError && error.code === 'UNSUPPORTED_LANGUAGE' && error.languageId === 'cobol');
  });

  it('an incremental reparse after edits equals a full parse of the new text (property)', async () => {
    const samples = LANGUAGES.map((id) => ({ id, text: readSyntaxFixture(id, 'sample') }));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...samples),
        fc.array(fc.record({ start: fc.nat(), length: fc.nat({ max: 12 }), newText: fc.constantFrom('', 'x', '{', ')', '\n  ', 'é😀', 'return 1;\n') }), { minLength: 1, maxLength: 4 }),
        async ({ id, text }, changes) => {
          let current = text;
          let tree = await service.parse(id, current);
          try {
            for (const raw of changes) {
              const start = raw.start % (current.length + 1);
              const change = { start, oldEnd: Math.min(current.length, start + raw.length), newText: raw.newText };
              tree.edit(editForChange(current, change));
              current = applyChange(current, change);
              const next = await service.parse(id, current, tree);
              tree.delete();
              tree = next;
            }
            const full = await service.parse(id, current);
            assert.equal(tree.rootNode.toString(), full.rootNode.toString());
            assert.equal(tree.rootNode.endIndex, full.rootNode.endIndex);
            full.delete();
          } finally {
            tree.delete();
          }
        },
      ),
      { numRuns: 60, seed: 7 },
    );
  });

  it('stops a parse when cancelled, then parses the next text from scratch', async () => {
    const big = readSyntaxFixture('typescript', 'sample').repeat(200);
    await assert.rejects(service.parse('typescript', big, undefined, { isCancelled: true }), CancelledError);
    const after = await withTree(service, 'typescript', 'const ok = 1;\n', (tree) => tree.rootNode.toString());
    assert.equal(after, '(program (lexical_declaration (variable_declarator name: (identifier) value: (number))))');
  });
});

describe('syntax: SyntaxService with a failing loader', () => {
  const base = fixtureGrammarLoader();

  it('reports a grammar whose bytes are not wasm as GRAMMAR_LOAD_FAILED, every time', async () => {
    const loader: GrammarLoader = { ...base, grammarWasm: async () => new Uint8Array([1, 2, 3, 4]) };
    const service = await SyntaxService.create(loader);
    for (let attempt = 0; attempt < 2; attempt++) {
      await assert.rejects(service.parse('python', 'x = 1'), (error: unknown) =>
        error instanceof SyntaxServiceError && error.code === 'GRAMMAR_LOAD_FAILED' && /python/.test(error.message));
    }
  });

  it('reports a loader that has no bytes for a language it lists, and passes the loader error on', async () => {
    const missing = await SyntaxService.create({ ...base, grammarWasm: async () => undefined });
    await assert.rejects(missing.parse('go', 'package x'), /did not load: the loader returned no bytes/);
    const throwing = await SyntaxService.create({ ...base, grammarWasm: async () => { throw new Error('disk on fire'); } });
    await assert.rejects(throwing.parse('go', 'package x'), (error: unknown) =>
      error instanceof SyntaxServiceError && error.code === 'GRAMMAR_LOAD_FAILED' && /disk on fire/.test(error.message));
  });
});
