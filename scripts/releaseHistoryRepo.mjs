// Builds a git repository whose history is a package's published npm releases, one commit per release in version
// order, dated by npm's publish time: real history of a real project for `arenalab bench replay` when no git clone
// is available offline (published packages carry no .git). Tarballs are cached in <dest>.tarballs/.
// Usage: node scripts/releaseHistoryRepo.mjs <package> <dest> [--from-major N]
//   e.g. node scripts/releaseHistoryRepo.mjs commander /tmp/replay-src/commander --from-major 2
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const [name, destArg, ...rest] = process.argv.slice(2);
if (!name || !destArg) {
  console.error('usage: node scripts/releaseHistoryRepo.mjs <package> <dest> [--from-major N]');
  process.exit(2);
}
const fromMajor = rest[0] === '--from-major' ? Number(rest[1]) : 0;
const dest = resolve(destArg);
const tarballs = `${dest}.tarballs`;
const run = (cmd, args, options = {}) => execFileSync(cmd, args, { encoding: 'utf8', ...options });
const npmJson = (field) => JSON.parse(run('npm', ['view', name, field, '--json']));

// Stable releases only (no pre-releases), numerically ordered: the line of development, not publish order, since
// maintenance releases of old majors are published after newer majors.
const numeric = (v) => v.split('.').map(Number);
const byVersion = (a, b) => numeric(a).reduce((d, x, i) => d || x - numeric(b)[i], 0);
const versions = npmJson('versions').filter((v) => !v.includes('-') && numeric(v)[0] >= fromMajor).sort(byVersion);
const published = npmJson('time');

if (existsSync(dest)) throw new Error(`${dest} exists; remove it first`);
mkdirSync(dest, { recursive: true });
mkdirSync(tarballs, { recursive: true });
run('git', ['init', '-q'], { cwd: dest });
for (const version of versions) {
  const tarball = join(tarballs, `${name.replace('@', '').replace('/', '-')}-${version}.tgz`);
  if (!existsSync(tarball)) run('npm', ['pack', `${name}@${version}`, '--silent', '--pack-destination', tarballs]);
  for (const entry of readdirSync(dest)) if (entry !== '.git') rmSync(join(dest, entry), { recursive: true, force: true });
  run('tar', ['-xzf', tarball, '--strip-components=1', '-C', dest]);
  const env = { ...process.env, GIT_AUTHOR_DATE: published[version], GIT_COMMITTER_DATE: published[version] };
  run('git', ['add', '-A'], { cwd: dest });
  run('git', ['-c', 'user.name=npm releases', '-c', 'user.email=releases@example.invalid', '-c', 'commit.gpgsign=false', 'commit', '-q', '--allow-empty', '-m', `${name} ${version} (npm release)`], { cwd: dest, env });
}
console.log(`${dest}: ${versions.length} commits (${versions[0]} → ${versions[versions.length - 1]})`);
