import { strict as assert } from 'node:assert';
import { builtinModules } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';

// Mechanical check of ARCHITECTURE.md's dependency rules: client → protocol ← server → core.
const root = path.resolve(__dirname, '../..');
const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const found: string[] = [];
  const pattern = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;
  for (const match of text.matchAll(pattern)) found.push(match[1] ?? match[2] ?? match[3] ?? match[4]);
  return found;
}

function violations(pkg: string, rule: (specifier: string, file: string) => string | undefined, includeTests = false): string[] {
  const problems: string[] = [];
  for (const file of sourceFiles(path.join(root, pkg, 'src'))) {
    if (!includeTests && file.endsWith('.test.ts')) continue;
    for (const specifier of importsOf(file)) {
      const problem = rule(specifier, file);
      if (problem) problems.push(`${path.relative(root, file)}: imports '${specifier}': ${problem}`);
    }
  }
  return problems;
}

describe('architecture: dependency direction', () => {
  it('finds the imports it checks (the scanner itself works)', () => {
    const serverFiles = sourceFiles(path.join(root, 'server', 'src'));
    assert.ok(serverFiles.length > 0);
    assert.ok(importsOf(__filename.replace(/out([\\/])/, 'src$1').replace(/\.js$/, '.ts')).includes('node:fs'));
  });

  it('core uses no Node built-ins, no editor or LSP packages and no other workspace package', () => {
    const problems = violations('core', (specifier) => {
      if (builtins.has(specifier)) return 'core must stay free of Node built-ins (put host code in server/)';
      if (specifier.startsWith('vscode')) return 'core must not depend on editor or LSP packages';
      if (specifier.startsWith('@arenalab/')) return 'core depends on no other workspace package';
      return undefined;
    });
    assert.deepEqual(problems, []);
  });

  it('protocol depends on neither core, server nor the LSP client/server libraries', () => {
    const problems = violations('protocol', (specifier) =>
      /^(@arenalab\/(core|server|client)|vscode-languageserver$|vscode-languageclient|vscode$)/.test(specifier)
        ? 'protocol holds message declarations only'
        : undefined,
    );
    assert.deepEqual(problems, []);
  });

  it('server reaches core only through its public API and never imports vscode', () => {
    const problems = violations('server', (specifier) => {
      if (specifier.startsWith('@arenalab/core/')) return 'import @arenalab/core, never a deep path';
      if (/\.\.\/\.\.\/(\.\.\/)?core\//.test(specifier)) return 'import @arenalab/core, never core files by path';
      if (specifier === 'vscode') return 'only client/ imports vscode';
      return undefined;
    }, true);
    assert.deepEqual(problems, []);
  });

  it('inside core, each area imports only the areas below it (ARCHITECTURE.md, "Layers of core")', () => {
    const allowed: Record<string, string[]> = {
      util: [],
      ports: [],
      spans: ['util'],
      index: ['util', 'ports'],
      embedding: ['util', 'ports'],
      secrets: ['spans', 'util', 'ports'],
      quality: ['spans', 'index', 'embedding', 'util', 'ports'],
      dataset: ['quality', 'spans', 'index', 'embedding', 'util', 'ports'],
      curation: ['quality', 'spans', 'util', 'ports'],
      ingest: ['spans', 'secrets', 'util', 'ports'],
      syntax: ['util', 'ports'],
      learning: ['quality', 'spans', 'index', 'embedding', 'util', 'ports'],
      matching: ['learning', 'dataset', 'quality', 'index', 'embedding', 'spans', 'util', 'ports'],
      constitution: ['secrets', 'embedding', 'spans', 'util', 'ports'],
      chat: ['constitution', 'matching', 'ingest', 'index', 'embedding', 'spans', 'util', 'ports'],
      qa: ['learning', 'chat', 'matching', 'ingest', 'embedding', 'spans', 'util', 'ports'],
      completion: ['learning', 'matching', 'syntax', 'index', 'embedding', 'spans', 'secrets', 'util', 'ports'],
      tools: ['index', 'embedding', 'spans', 'util', 'ports'],
    };
    const coreSrc = path.join(root, 'core', 'src');
    const problems: string[] = [];
    for (const file of sourceFiles(coreSrc)) {
      const relative = path.relative(coreSrc, file);
      const area = relative.split(path.sep)[0];
      if (file.endsWith('.test.ts') || !relative.includes(path.sep)) continue;
      if (!(area in allowed)) {
        problems.push(`${relative}: area '${area}' has no place in the layer table; add it here and to ARCHITECTURE.md`);
        continue;
      }
      for (const specifier of importsOf(file)) {
        const target = /^\.\.\/([^/]+)/.exec(specifier)?.[1];
        if (target && !allowed[area].includes(target)) problems.push(`${relative}: '${area}' may not import '${target}'`);
      }
    }
    assert.deepEqual(problems, []);
  });
});
