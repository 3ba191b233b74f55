import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { ESLint } from 'eslint';

// The layer rules of eslint.config.mjs, run through ESLint's own API on small files that exist only in memory: an
// import against a layer table must be reported, the same import where the table allows it must not.
const root = path.resolve(__dirname, '../..');

/** The `no-restricted-imports` messages ESLint reports for `code` as if it were the file `file` of the repository. */
async function layerProblems(eslint: ESLint, file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  const fatal = result.messages.filter((message) => message.fatal);
  assert.deepEqual(fatal, [], `${file} could not be linted`);
  return result.messages.filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

describe('eslint: the layer rules', function () {
  this.timeout(60_000);
  // Only the import rule runs, and it needs no types: parsed without TypeScript's project service, which knows only
  // files on disk.
  const eslint = new ESLint({
    cwd: root,
    ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
    overrideConfig: { files: ['**/*.ts'], languageOptions: { parserOptions: { projectService: false } } },
  });

  it('refuses a Node built-in in core, and allows it in a core test', async () => {
    const code = "import { readFileSync } from 'node:fs';\nimport { join } from 'path';\nexport const read = (file: string) => readFileSync(join(file));\n";
    const problems = await layerProblems(eslint, 'core/src/spans/readSpans.ts', code);
    assert.equal(problems.length, 2, problems.join('\n'));
    assert.ok(problems.every((problem) => /core must stay free of Node built-ins/.test(problem)), problems.join('\n'));
    assert.deepEqual(await layerProblems(eslint, 'core/src/spans/readSpans.test.ts', code), []);
  });

  it('refuses a core area importing one above it, and allows one below', async () => {
    const problems = await layerProblems(eslint, 'core/src/spans/spanThing.ts', "export { TrajectoryMatcher } from '../matching/trajectoryMatcher';\n");
    assert.equal(problems.length, 1);
    assert.match(problems[0], /Layers of core: 'spans' imports only util/);
    assert.deepEqual(await layerProblems(eslint, 'core/src/spans/spanThing.ts', "export { sha256Hex } from '../util/sha256';\n"), []);
  });

  it('refuses server store/ importing lsp/, at any depth, and allows store/ importing host/', async () => {
    const problems = await layerProblems(eslint, 'server/src/store/spanThing.ts', "import { startLanguageServer } from '../lsp/startLanguageServer';\nexport { startLanguageServer };\n");
    assert.equal(problems.length, 1);
    assert.match(problems[0], /Layers of server: 'store' imports only host/);
    const deeper = await layerProblems(eslint, 'server/src/lsp/chat/chatThing.ts', "export { runCli } from '../../cli/main';\n");
    assert.equal(deeper.length, 1);
    assert.match(deeper[0], /'lsp' imports only evaluation/);
    assert.deepEqual(await layerProblems(eslint, 'server/src/store/spanThing.ts', "export { fsyncDir } from '../host/durableFiles';\n"), []);
  });

  it('refuses imports against the package arrow (client → protocol ← server → core)', async () => {
    const client = await layerProblems(eslint, 'client/src/chat/chatThing.ts', "export { ChatEngine } from '@arenalab/core';\n");
    assert.equal(client.length, 1);
    assert.match(client[0], /client\/ may import only @arenalab\/protocol/);
    const core = await layerProblems(eslint, 'core/src/spans/spanThing.ts', "export type { ChatRequest } from '@arenalab/protocol';\n");
    assert.equal(core.length, 1);
    const deep = await layerProblems(eslint, 'server/src/store/spanThing.ts', "export { sha256Hex } from '@arenalab/core" + "/out/util/sha256';\n");
    assert.match(deep.join('\n'), /never a deep path/);
    assert.deepEqual(await layerProblems(eslint, 'server/src/store/spanThing.ts', "export { sha256Hex } from '@arenalab/core';\n"), []);
  });
});
