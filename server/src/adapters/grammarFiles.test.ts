import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { countParseErrors, SyntaxService, SyntaxServiceError, withTree } from '@arenalab/core';
import { defaultGrammarsDir, fileGrammarLoader, GrammarFileError, type GrammarFileErrorCode } from './grammarFiles';

const root = path.resolve(__dirname, '../../..');
const grammarsDir = path.join(root, 'grammars');
const manifest = JSON.parse(fs.readFileSync(path.join(grammarsDir, 'manifest.json'), 'utf8')) as {
  languages: Record<string, { wasm: string; sha256: string; source: string; licence: string; extensions: string[] }>;
};

// One small program per language id that must parse without errors once its grammar is loaded.
const SNIPPETS: Record<string, string> = {
  typescript: 'const a: number = 1;\n',
  typescriptreact: 'const a = <div>{1}</div>;\n',
  javascript: 'const a = 1;\n',
  javascriptreact: 'const a = <div>{1}</div>;\n',
  python: 'a = 1\n',
  go: 'package main\n\nfunc main() {}\n',
  rust: 'fn main() {}\n',
  java: 'class A {}\n',
  cpp: 'int main() { return 0; }\n',
  csharp: 'class A { void M() { } }\n',
  ruby: 'def a\n  1\nend\n',
  php: '<?php\nfunction a() { return 1; }\n',
  shellscript: 'if [ -f a ]; then\n  echo a\nfi\n',
  css: 'a { color: red; }\n',
};

function isGrammarFileError(code: GrammarFileErrorCode) {
  return (error: unknown) => error instanceof GrammarFileError && error.code === code;
}

describe('adapters: fileGrammarLoader and grammars/', () => {
  let temp: string;
  beforeEach(() => {
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-grammars-'));
  });
  afterEach(() => fs.rmSync(temp, { recursive: true, force: true }));

  function copyOfGrammars(edit: (dir: string) => void): string {
    const dir = path.join(temp, 'grammars');
    fs.cpSync(grammarsDir, dir, { recursive: true });
    edit(dir);
    return dir;
  }

  it('the manifest covers the fourteen language ids, each with an MIT source and its extensions', () => {
    assert.deepEqual(Object.keys(manifest.languages).sort(), Object.keys(SNIPPETS).sort());
    for (const [id, entry] of Object.entries(manifest.languages)) {
      assert.equal(entry.source, '@vscode/tree-sitter-wasm@0.3.1', id);
      assert.equal(entry.licence, 'MIT', id);
      assert.ok(entry.extensions.length > 0 && entry.extensions.every((extension) => extension.startsWith('.')), id);
    }
  });

  it('every manifest sha256 matches the committed file', () => {
    for (const [id, entry] of Object.entries(manifest.languages)) {
      const actual = createHash('sha256').update(fs.readFileSync(path.join(grammarsDir, entry.wasm))).digest('hex');
      assert.equal(actual, entry.sha256, id);
    }
  });

  it('grammars/ is exactly what scripts/copyGrammars.mjs makes from node_modules', () => {
    const output = execFileSync(process.execPath, [path.join(root, 'scripts', 'copyGrammars.mjs'), '--check'], { encoding: 'utf8' });
    assert.match(output, /matches @vscode\/tree-sitter-wasm@0\.3\.1/);
  });

  it('every grammar loads through the loader and parses a small program without errors', async () => {
    assert.equal(defaultGrammarsDir(), grammarsDir);
    const service = await SyntaxService.create(fileGrammarLoader());
    for (const [id, snippet] of Object.entries(SNIPPETS)) {
      assert.equal(await withTree(service, id, snippet, countParseErrors), 0, id);
    }
    service.dispose();
  });

  it('answers undefined for a language it has no grammar for', async () => {
    assert.equal(await fileGrammarLoader().grammarWasm('cobol'), undefined);
  });

  it('refuses a grammar whose bytes do not match the manifest hash, and core reports it as a load failure', async () => {
    const dir = copyOfGrammars((copy) => {
      const file = path.join(copy, manifest.languages.python.wasm);
      const bytes = fs.readFileSync(file);
      bytes[bytes.length - 1] ^= 0xff;
      fs.writeFileSync(file, bytes);
    });
    await assert.rejects(fileGrammarLoader(dir).grammarWasm('python'), isGrammarFileError('CORRUPT_GRAMMAR'));
    const service = await SyntaxService.create(fileGrammarLoader(dir));
    await assert.rejects(service.parse('python', 'a = 1'), (error: unknown) =>
      error instanceof SyntaxServiceError && error.code === 'GRAMMAR_LOAD_FAILED' && /SHA-256/.test(error.message));
  });

  it('refuses a missing grammar file', async () => {
    const dir = copyOfGrammars((copy) => fs.rmSync(path.join(copy, manifest.languages.go.wasm)));
    await assert.rejects(fileGrammarLoader(dir).grammarWasm('go'), isGrammarFileError('MISSING_GRAMMAR'));
  });

  it('refuses a missing, unparsable or ill-formed manifest when created', () => {
    assert.throws(() => fileGrammarLoader(temp), isGrammarFileError('MISSING_MANIFEST'));
    const write = (content: string) => copyOfGrammars((copy) => fs.writeFileSync(path.join(copy, 'manifest.json'), content));
    assert.throws(() => fileGrammarLoader(write('{ not json')), isGrammarFileError('BAD_MANIFEST'));
    fs.rmSync(path.join(temp, 'grammars'), { recursive: true });
    assert.throws(() => fileGrammarLoader(write('{"languages": {"x": {"wasm": "../../etc/passwd", "sha256": "' + '0'.repeat(64) + '"}}}')), /must stay inside/);
    fs.rmSync(path.join(temp, 'grammars'), { recursive: true });
    assert.throws(() => fileGrammarLoader(write('{"languages": {"x": {"wasm": "x.wasm", "sha256": "abc"}}}')), /sha256 must be 64/);
  });

  it('reads the runtime from runtimeWasmPath when given, and names a missing one', async () => {
    const runtime = path.join(temp, 'web-tree-sitter.wasm');
    fs.copyFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm'), runtime);
    const bytes = await fileGrammarLoader(grammarsDir, { runtimeWasmPath: runtime }).runtimeWasm();
    assert.deepEqual(Buffer.from(bytes), fs.readFileSync(runtime));
    const missing = path.join(temp, 'nope.wasm');
    await assert.rejects(fileGrammarLoader(grammarsDir, { runtimeWasmPath: missing }).runtimeWasm(), (error: unknown) =>
      error instanceof GrammarFileError && error.code === 'MISSING_RUNTIME' && error.file === missing);
  });
});
