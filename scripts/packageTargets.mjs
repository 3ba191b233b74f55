// Packs the bundled extension (dist/, made by `node esbuild.mjs --production`) twice: a platform package for the
// platform that built hnswlib-node's addon (`vsce package --target`, the addon in dist/node_modules), and a universal
// package without any native code, where the server uses the exact vector index (same answers, slower). VS Code
// installs the platform package where one matches and the universal one elsewhere, so no machine gets an addon
// compiled for another.
//
//   node scripts/packageTargets.mjs [--out DIR] [--target TARGET]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

/** vsce's name for the platform this process runs on (musl Linux is `alpine`). */
function currentTarget() {
  const musl = process.platform === 'linux' && !process.report.getReport().header.glibcVersionRuntime;
  const os = musl ? 'alpine' : process.platform;
  const arch = process.arch === 'arm' ? 'armhf' : process.arch;
  return `${os}-${arch}`;
}

const out = resolve(option('--out', root));
const target = option('--target', currentTarget());
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const vsce = join(root, 'node_modules/@vscode/vsce/vsce');
const common = ['package', '--no-dependencies', '--allow-missing-repository', '--readme-path', 'client/README.md'];
const native = join(root, 'dist/node_modules');
if (!existsSync(native)) throw new Error('dist/node_modules is missing: run `node esbuild.mjs --production` first');

function pack(args, file) {
  execFileSync(process.execPath, [vsce, ...common, ...args, '--out', join(out, file)], { cwd: root, stdio: 'inherit' });
  console.log(`packed ${join(out, file)}`);
}

pack(['--target', target], `arenalab-${target}-${version}.vsix`);
const aside = join(mkdtempSync(join(tmpdir(), 'arenalab-native-')), 'node_modules');
renameSync(native, aside);
try {
  pack([], `arenalab-${version}.vsix`);
} finally {
  renameSync(aside, native);
  rmSync(resolve(aside, '..'), { recursive: true, force: true });
}
