import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

const root = path.resolve(__dirname, '../..');

interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  localHeader: number;
}

/** A zip's central directory (enough of the format to read a .vsix; no dependency). */
function zipDirectory(zip: Buffer): ZipEntry[] {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  assert.ok(eocd >= 0, 'not a zip: no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'bad central directory entry');
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      localHeader: zip.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function zipEntries(zip: Buffer): string[] {
  return zipDirectory(zip).map((entry) => entry.name);
}

/** Unpacks every file of a zip under `dir`, as VS Code does when it installs a .vsix. */
function unzip(zip: Buffer, dir: string): void {
  for (const entry of zipDirectory(zip)) {
    if (entry.name.endsWith('/')) continue;
    const at = entry.localHeader;
    assert.equal(zip.readUInt32LE(at), 0x04034b50, `bad local header for ${entry.name}`);
    const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
    const data = zip.subarray(start, start + entry.compressedSize);
    assert.ok(entry.method === 0 || entry.method === 8, `${entry.name}: unsupported compression ${entry.method}`);
    const target = path.join(dir, ...entry.name.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, entry.method === 8 ? zlib.inflateRawSync(data) : data);
  }
}

/** The native addon and what loads it, copied beside the bundled server by esbuild.mjs. */
const NATIVE_FILES = [
  'extension/dist/node_modules/hnswlib-node/build/Release/addon.node',
  'extension/dist/node_modules/hnswlib-node/lib/index.js',
  'extension/dist/node_modules/hnswlib-node/package.json',
  'extension/dist/node_modules/bindings/bindings.js',
  'extension/dist/node_modules/file-uri-to-path/index.js',
];

describe('packaging: the .vsix (npm run package without the tsc step, which npm test has just run)', function () {
  this.timeout(60_000);

  let out: string;
  let vsix: string;
  let universal: string;
  let manifest: {
    version: string; main: string; engines: { vscode: string };
    contributes: { commands: { command: string }[]; walkthroughs?: { steps: { id: string; media: { markdown?: string }; completionEvents?: string[] }[] }[] };
  };

  before(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-vsix-'));
    execFileSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: root, stdio: 'pipe' });
    manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    execFileSync(process.execPath, ['scripts/packageTargets.mjs', '--out', out, '--target', 'linux-x64'], { cwd: root, stdio: 'pipe' });
    vsix = path.join(out, `arenalab-linux-x64-${manifest.version}.vsix`);
    universal = path.join(out, `arenalab-${manifest.version}.vsix`);
  });

  after(() => fs.rmSync(out, { recursive: true, force: true }));

  it('bundles client and server and packs them with grammars, manifest, README and LICENSE', () => {
    const names = zipEntries(fs.readFileSync(vsix));
    for (const expected of [
      'extension/package.json',
      'extension/dist/extension.js',
      'extension/dist/arenalab.js',
      'extension/dist/indexWorker.js',
      'extension/dist/grammars/manifest.json',
      'extension/dist/web-tree-sitter.wasm',
      'extension/readme.md',
      'extension/LICENSE.txt',
    ]) {
      assert.ok(names.includes(expected), `${expected} missing from the .vsix: ${names.join(', ')}`);
    }
    const native = (name: string) => NATIVE_FILES.includes(name) || /^extension\/dist\/node_modules\/(hnswlib-node|bindings|file-uri-to-path)\/(package\.json|LICENSE[^/]*)$/.test(name);
    const leaked = names.filter((name) => !native(name) && /\.ts$|\.map$|\/src\/|\/out\/|node_modules|test-fixtures/.test(name));
    assert.deepEqual(leaked, [], 'sources, maps, build output, fixtures or other dependencies leaked into the .vsix');
    const packaged = manifest;
    assert.equal(packaged.main, './dist/extension.js');
    assert.equal(packaged.engines.vscode, '^1.91.0');
    assert.ok(packaged.contributes.commands.some((c) => c.command === 'arenalab.explainSuggestion'));
  });

  it('carries the walkthrough: index, first suggestion, explain, chat and curate, each with its Markdown and a completion event', () => {
    const names = zipEntries(fs.readFileSync(vsix));
    const steps = manifest.contributes.walkthroughs?.[0]?.steps ?? [];
    assert.deepEqual(steps.map((step) => step.id), ['index', 'suggest', 'explain', 'chat', 'curate']);
    const commands = new Set(manifest.contributes.commands.map((c) => c.command));
    for (const step of steps) {
      assert.ok(step.media.markdown, `${step.id}: no Markdown media`);
      assert.ok(names.includes(`extension/${step.media.markdown}`), `${step.media.markdown} missing from the .vsix`);
      assert.ok((step.completionEvents ?? []).length > 0, `${step.id}: no completion event`);
      for (const event of step.completionEvents ?? []) {
        const command = /^onCommand:(.+)$/.exec(event)?.[1];
        // The accept command is the client's own hidden one (registered in code, not in the palette).
        if (command !== undefined && command !== 'arenalab.inlineSuggestionAccepted') assert.ok(commands.has(command), `${step.id}: ${command} is not a contributed command`);
      }
    }
  });

  it('carries hnswlib-node\'s addon, which the bundled server loads from the unpacked extension', () => {
    const zip = fs.readFileSync(vsix);
    const names = zipEntries(zip);
    for (const expected of NATIVE_FILES) assert.ok(names.includes(expected), `${expected} missing from the .vsix`);
    const installed = path.join(out, 'installed');
    unzip(zip, installed);
    // Run outside the repository so only the extension's own dist/node_modules can satisfy require('hnswlib-node').
    const stdout = execFileSync(process.execPath, [
      path.join(installed, 'extension/dist/arenalab.js'), 'bench', 'index',
      '--vectors', '300', '--queries', '20', '--dim', '8', '--clusters', '4', '--json',
    ], { cwd: installed, encoding: 'utf8', env: { ...process.env, NODE_PATH: '' } });
    const report = JSON.parse(stdout) as { hnsw?: { recall: number } };
    assert.ok(report.hnsw, `the unpacked server did not build an HNSW index: ${stdout}`);
    assert.ok(report.hnsw.recall > 0.5, `HNSW recall ${report.hnsw.recall} on clustered data`);
  });

  it('marks the platform package with its target, and leaves every native file out of the universal one', () => {
    const platformZip = fs.readFileSync(vsix);
    const vsixManifest = (zip: Buffer, dir: string) => {
      unzip(zip, dir);
      return fs.readFileSync(path.join(dir, 'extension.vsixmanifest'), 'utf8');
    };
    assert.match(vsixManifest(platformZip, path.join(out, 'platform-manifest')), /TargetPlatform="linux-x64"/);
    const universalZip = fs.readFileSync(universal);
    assert.doesNotMatch(vsixManifest(universalZip, path.join(out, 'universal-manifest')), /TargetPlatform=/);
    const names = zipEntries(universalZip);
    assert.ok(names.includes('extension/dist/arenalab.js'), 'the universal package has no server');
    assert.deepEqual(names.filter((name) => name.includes('node_modules') || name.endsWith('.node')), [], 'native code in the universal package');
    assert.ok(fs.existsSync(path.join(root, 'dist/node_modules/hnswlib-node/build/Release/addon.node')), 'packing the universal package lost dist/node_modules');
  });

  it('runs from the unpacked universal package on the exact index and says so', () => {
    const installed = path.join(out, 'installed-universal');
    unzip(fs.readFileSync(universal), installed);
    const stdout = execFileSync(process.execPath, [path.join(installed, 'extension/dist/arenalab.js'), 'bench', 'ingest', '--spans', '200', '--json'], {
      cwd: installed, encoding: 'utf8', env: { ...process.env, NODE_PATH: '' },
    });
    const report = JSON.parse(stdout) as { index: string };
    assert.match(report.index, /^exact \(hnsw unavailable: /);
  });
});
