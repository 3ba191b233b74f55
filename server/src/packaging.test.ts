import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');

/** Names in a zip's central directory (enough of the format to list a .vsix; no dependency). */
function zipEntries(zip: Buffer): string[] {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  assert.ok(eocd >= 0, 'not a zip: no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'bad central directory entry');
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

describe('packaging: the .vsix (npm run package without the tsc step, which npm test has just run)', function () {
  this.timeout(60_000);

  it('bundles client and server and packs them with grammars, manifest, README and LICENSE', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-vsix-'));
    try {
      execFileSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: root, stdio: 'pipe' });
      const vsix = path.join(out, 'arenalab.vsix');
      const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
      const args = manifest.scripts.package.replace(/^npm run bundle && vsce /, '').split(' ');
      execFileSync(process.execPath, [path.join(root, 'node_modules/@vscode/vsce/vsce'), ...args, '--out', vsix], { cwd: root, stdio: 'pipe' });
      const names = zipEntries(fs.readFileSync(vsix));
      for (const expected of [
        'extension/package.json',
        'extension/dist/extension.js',
        'extension/dist/arenalab.js',
        'extension/dist/grammars/manifest.json',
        'extension/dist/web-tree-sitter.wasm',
        'extension/readme.md',
        'extension/LICENSE.txt',
      ]) {
        assert.ok(names.includes(expected), `${expected} missing from the .vsix: ${names.join(', ')}`);
      }
      const leaked = names.filter((name) => /\.ts$|\.map$|\/src\/|\/out\/|node_modules|test-fixtures/.test(name));
      assert.deepEqual(leaked, [], 'sources, maps, build output or fixtures leaked into the .vsix');
      const packaged = manifest as { main: string; engines: { vscode: string }; contributes: { commands: { command: string }[] } };
      assert.equal(packaged.main, './dist/extension.js');
      assert.equal(packaged.engines.vscode, '^1.91.0');
      assert.ok(packaged.contributes.commands.some((c) => c.command === 'arenalab.explainSuggestion'));
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
