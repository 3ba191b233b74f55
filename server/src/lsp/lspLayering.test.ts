import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

// The rule of lsp/README.md: a feature folder imports its own files, the lsp root's context, guard and command
// names, the layers below lsp/ and another feature's named entries, never another feature's internals; the rest of
// the root (the switchboard) may import every feature; only tests import testing/.
const lspSrc = path.resolve(__dirname, '../../src/lsp');

const FEATURES = ['chat', 'completion', 'curation', 'feedback', 'gaps', 'learning', 'settings', 'testing', 'workspace'];

/** Root files a feature may import; the others import the features, so a feature importing them would be a cycle. */
const ROOT_ENTRIES = ['lspContext', 'guarded', 'serverCommands'];

/** The files of a feature that other features may import, and why each one is shared. */
const ENTRIES: Record<string, string[]> = {
  // Explain and feedback look up the suggestions completion showed.
  completion: ['suggestionMemory'],
  // The store's outcomes are learned from again when the store opens or moves.
  learning: ['learnFromStore'],
  // The client's settings decide what is suggested, indexed and recorded.
  settings: ['clientSettings', 'lspSettings'],
  // The folders, the open documents' sync and the too-big-or-binary check are shared by every request on a document.
  workspace: ['workspaceRoots', 'documentProblem', 'documentSync', 'openDocuments'],
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/** The relative specifiers a file imports, exports from, requires or loads dynamically. */
function relativeImports(file: string): string[] {
  const text = fs.readFileSync(path.join(lspSrc, file), 'utf8');
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\(\s*|\bimport\s+)['"](\.[^'"]*)['"]/g;
  return [...text.matchAll(pattern)].map((match) => match[1]);
}

/** Why `from` (a path inside lsp/) must not import `specifier`, or undefined when it may. */
function importProblem(from: string, specifier: string): string | undefined {
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  // Outside lsp/: the layers below it, which the server's own layer rules check.
  if (target.startsWith('../')) return undefined;
  const [head, ...rest] = target.split('/');
  const fromFeature = from.includes('/') ? from.split('/')[0] : undefined;
  const isTest = from.endsWith('.test.ts') || fromFeature === 'testing';
  if (head === 'testing' && rest.length > 0 && !isTest) return 'only tests import testing/';
  // The root is the switchboard: it wires every feature. Tests may drive any feature's handlers to set up a case.
  if (fromFeature === undefined || isTest || head === fromFeature) return undefined;
  if (rest.length === 0) return ROOT_ENTRIES.includes(head) ? undefined : `a feature imports only ${ROOT_ENTRIES.join(', ')} from the lsp root`;
  const entries = ENTRIES[head] ?? [];
  return rest.length === 1 && entries.includes(rest[0])
    ? undefined
    : `${head}/${rest.join('/')} is internal to ${head}/ (its entries: ${entries.join(', ') || 'none'})`;
}

describe('lsp: feature folders', () => {
  it('finds the files and imports it checks (the scanner itself works)', () => {
    const files = sourceFiles(lspSrc);
    assert.ok(files.includes('startLanguageServer.ts') && files.includes('completion/suggestAt.ts'), files.join(', '));
    assert.ok(relativeImports('completion/suggestAt.ts').includes('../settings/clientSettings'));
  });

  it('feature folders import each other only through their named entries, and only tests import testing/', () => {
    const problems = sourceFiles(lspSrc).flatMap((file) =>
      relativeImports(file).flatMap((specifier) => {
        const problem = importProblem(file, specifier);
        return problem === undefined ? [] : [`lsp/${file}: imports '${specifier}': ${problem}`];
      }));
    assert.deepEqual(problems, []);
  });

  it('the rule refuses a feature reaching into another feature, the switchboard or testing/', () => {
    assert.match(importProblem('completion/suggestAt.ts', '../chat/workspaceChat') ?? '', /internal to chat\//);
    assert.match(importProblem('feedback/onFeedback.ts', '../completion/suggestAt') ?? '', /internal to completion\//);
    assert.match(importProblem('chat/onChat.ts', '../startLanguageServer') ?? '', /only lspContext, guarded, serverCommands/);
    assert.match(importProblem('gaps/onGaps.ts', '../learning') ?? '', /from the lsp root/);
    assert.match(importProblem('lspContext.ts', './testing/lspTestServer') ?? '', /only tests/);
    assert.equal(importProblem('feedback/onFeedback.ts', '../completion/suggestionMemory'), undefined);
    assert.equal(importProblem('gaps/onGaps.ts', '../../bench/collectGaps'), undefined);
    assert.equal(importProblem('learning/onlineLearning.test.ts', '../feedback/onFeedback'), undefined);
  });

  it('every folder of lsp/ is a feature folder listed here and in lsp/README.md', () => {
    const folders = fs.readdirSync(lspSrc, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    assert.deepEqual(folders, [...FEATURES].sort());
    const readme = fs.readFileSync(path.join(lspSrc, 'README.md'), 'utf8');
    assert.deepEqual(FEATURES.filter((folder) => !readme.includes(`\`${folder}/\``)), []);
  });
});
