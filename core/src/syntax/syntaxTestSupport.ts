// Test support shared by the syntax tests (and by other areas' tests that need parsing). It is named *.test.ts
// because only test files in core may read files; it declares no tests of its own. Production code gets grammar
// bytes from server/src/adapters/grammarFiles.ts, which also verifies their hashes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { GrammarLoader } from '../ports/grammarLoader';
import { SyntaxService } from './syntaxService';

export const repoRoot = path.resolve(__dirname, '../../..');
const grammarsDir = path.join(repoRoot, 'grammars');
export const syntaxFixturesDir = path.join(repoRoot, 'test-fixtures', 'syntax');
export const CURSOR = '⟨cursor⟩';

/** Reads grammars/manifest.json and the runtime from node_modules, without hash checks. */
export function fixtureGrammarLoader(): GrammarLoader {
  const manifest = JSON.parse(fs.readFileSync(path.join(grammarsDir, 'manifest.json'), 'utf8')) as {
    languages: Record<string, { wasm: string }>;
  };
  return {
    runtimeWasm: async () => fs.readFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm')),
    grammarWasm: async (languageId) => {
      const entry = manifest.languages[languageId];
      return entry ? fs.readFileSync(path.join(grammarsDir, entry.wasm)) : undefined;
    },
    languages: () => Object.keys(manifest.languages),
  };
}

let shared: Promise<SyntaxService> | undefined;

/** One service for the whole test run: grammars load once. */
export function testSyntaxService(): Promise<SyntaxService> {
  shared ??= SyntaxService.create(fixtureGrammarLoader());
  return shared;
}

/** The fixture's extension for each language id. */
export const FIXTURE_EXTENSIONS: Record<string, string> = {
  typescript: 'ts',
  typescriptreact: 'tsx',
  javascript: 'js',
  python: 'py',
  go: 'go',
  rust: 'rs',
  java: 'java',
};

export function readSyntaxFixture(languageId: string, name: string): string {
  return fs.readFileSync(path.join(syntaxFixturesDir, languageId, `${name}.${FIXTURE_EXTENSIONS[languageId]}`), 'utf8');
}

/** Removes the cursor marker; returns the text and the cursor's line/character (UTF-16). */
export function splitAtCursor(marked: string): { text: string; prefix: string; suffix: string; line: number; character: number } {
  const at = marked.indexOf(CURSOR);
  if (at < 0) throw new TypeError(`The fixture has no ${CURSOR} marker.`);
  const prefix = marked.slice(0, at);
  const suffix = marked.slice(at + CURSOR.length);
  const lines = prefix.split('\n');
  return { text: prefix + suffix, prefix, suffix, line: lines.length - 1, character: lines[lines.length - 1].length };
}
