import { strict as assert } from 'node:assert';
import { builtinModules } from 'node:module';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ts from 'typescript';

// Mechanical check of ARCHITECTURE.md's dependency rules: client → protocol ← server → core.
const root = path.resolve(__dirname, '../..');
const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** The layer tables of ARCHITECTURE.md, read from the file eslint.config.mjs also reads, so the two checks agree. */
interface LayerTables {
  core: Record<string, string[]>;
  server: Record<string, string[]>;
}
const LAYERS = JSON.parse(fs.readFileSync(path.join(root, 'layers.json'), 'utf8')) as LayerTables;

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Tests and their shared helpers (`*TestSupport.ts`): test code, which the layer rules do not bind. */
function isTestCode(file: string): boolean {
  return /(\.test|TestSupport)\.ts$/.test(file);
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
    if (!includeTests && isTestCode(file)) continue;
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

  it("core compiles without Node's types, so a Node global (process, Buffer, __dirname) is a compile error there", () => {
    const config = ts.getParsedCommandLineOfConfigFile(path.join(root, 'core', 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => assert.fail(String(d.messageText)) })!;
    assert.deepEqual(config.options.types, []);
    assert.ok(config.fileNames.every((file) => !isTestCode(file)), 'tests and their helpers build in core/tsconfig.test.json');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-core-types-'));
    try {
      const compile = (code: string) => {
        const probe = path.join(dir, 'probe.ts');
        fs.writeFileSync(probe, code);
        const program = ts.createProgram([probe, path.join(root, 'core', 'src', 'ports', 'hostGlobals.d.ts')], { ...config.options, rootDir: undefined, noEmit: true, composite: false, incremental: false });
        return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));
      };
      assert.deepEqual(compile("export const text = new TextDecoder('utf-8').decode(new TextEncoder().encode('ok'));\n"), []);
      for (const nodeOnly of ['process.env.HOME', "Buffer.from('x')", '__dirname']) {
        assert.match(compile(`export const x = ${nodeOnly};\n`).join('\n'), /Cannot find name/, nodeOnly);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
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
    const allowed = LAYERS.core;
    const coreSrc = path.join(root, 'core', 'src');
    const problems: string[] = [];
    for (const file of sourceFiles(coreSrc)) {
      const relative = path.relative(coreSrc, file);
      const area = relative.split(path.sep)[0];
      if (isTestCode(file) || !relative.includes(path.sep)) continue;
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

  it('inside server, each area imports only the areas below it (ARCHITECTURE.md, "Layers of server")', () => {
    const problems = serverLayerViolations(path.join(root, 'server', 'src'));
    assert.deepEqual(problems, []);
  });

  it('the server layer check reports an import against the table', () => {
    const fixture = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-layers-'));
    try {
      fs.mkdirSync(path.join(fixture, 'store'));
      fs.mkdirSync(path.join(fixture, 'lsp', 'chat'), { recursive: true });
      fs.mkdirSync(path.join(fixture, 'nowhere'));
      fs.writeFileSync(path.join(fixture, 'store', 'spanStore.ts'), "import { collectGaps } from '../evaluation';\nimport { fsyncDir } from '../host';\n");
      fs.writeFileSync(path.join(fixture, 'lsp', 'chat', 'onChat.ts'), "import { runCli } from '../../cli/main';\nimport { SpanStore } from '../../store';\n");
      fs.writeFileSync(path.join(fixture, 'lsp', 'chat', 'onChat.test.ts'), "import { runCli } from '../../cli/main';\n");
      fs.writeFileSync(path.join(fixture, 'nowhere', 'thing.ts'), '');
      assert.deepEqual(serverLayerViolations(fixture), [
        `lsp${path.sep}chat${path.sep}onChat.ts: 'lsp' may not import 'cli'`,
        `nowhere${path.sep}thing.ts: area 'nowhere' has no place in the layer table; add it here and to ARCHITECTURE.md`,
        `store${path.sep}spanStore.ts: 'store' may not import 'evaluation'`,
      ]);
    } finally {
      fs.rmSync(fixture, { recursive: true, force: true });
    }
  });
});

/** ARCHITECTURE.md's "Layers of server": what each folder of server/src may import (files in lsp/'s subfolders are area `lsp`). */
const SERVER_LAYERS = LAYERS.server;

/** Imports between folders of `srcDir` that the table does not allow; tests and files at the top of `srcDir` are not checked. */
function serverLayerViolations(srcDir: string): string[] {
  const problems: string[] = [];
  for (const file of sourceFiles(srcDir).sort()) {
    const relative = path.relative(srcDir, file);
    if (isTestCode(file) || !relative.includes(path.sep)) continue;
    const area = relative.split(path.sep)[0];
    if (!(area in SERVER_LAYERS)) {
      problems.push(`${relative}: area '${area}' has no place in the layer table; add it here and to ARCHITECTURE.md`);
      continue;
    }
    for (const specifier of importsOf(file)) {
      if (!specifier.startsWith('.')) continue;
      const target = path.relative(srcDir, path.resolve(path.dirname(file), specifier));
      if (target.startsWith('..') || fs.existsSync(path.join(srcDir, `${target}.ts`))) continue;
      const targetArea = target.split(path.sep)[0];
      if (targetArea !== area && !SERVER_LAYERS[area].includes(targetArea)) problems.push(`${relative}: '${area}' may not import '${targetArea}'`);
    }
  }
  return problems;
}
