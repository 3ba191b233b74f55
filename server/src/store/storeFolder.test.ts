import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { gitEnvironment, safeGitArguments } from '../host';
import { initTestRepo } from '../host/gitTestRepo';
import { saveAntiPatterns } from './antiPatternFile';
import { sampleSpan } from './sampleSpan';
import { SpanStore } from './spanStore';
import { defaultStoreDir } from './storeLocation';
import { STORE_GITIGNORE, STORE_GITIGNORE_TEXT } from './storeFolder';

const status = (repo: string): string =>
  execFileSync('git', safeGitArguments(['status', '--porcelain', '--untracked-files=all']), {
    cwd: repo, encoding: 'utf8', env: gitEnvironment({ GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' }),
  });

describe('the store folder keeps itself out of git', () => {
  let repo: string;
  beforeEach(() => {
    repo = fs.mkdtempSync(path.join(tmpdir(), 'arenalab-storefolder-'));
    initTestRepo(repo);
  });
  afterEach(() => fs.rmSync(repo, { recursive: true, force: true }));

  it('a store opened in a fresh repository leaves git status clean under the store', async () => {
    fs.writeFileSync(path.join(repo, 'app.ts'), 'export const a = 1;\n');
    const storeDir = defaultStoreDir(repo);
    const store = await SpanStore.open(storeDir, { mode: 'write' });
    await store.append([sampleSpan('a'), sampleSpan('b')]);
    await store.close();
    assert.equal(fs.readFileSync(path.join(storeDir, STORE_GITIGNORE), 'utf8'), STORE_GITIGNORE_TEXT);
    // The workspace's own file shows, so git really is looking at this folder.
    assert.equal(status(repo), '?? app.ts\n');
  });

  it('a store folder made by another writer (the remembered violations) gets the same ignore file', () => {
    const storeDir = path.join(repo, 'nested', 'store');
    saveAntiPatterns(storeDir, []);
    assert.ok(fs.existsSync(path.join(storeDir, 'anti-patterns.json')));
    assert.equal(status(repo), '');
  });

  it('never touches an existing folder: an edited ignore file stays, and a folder without one gets none', async () => {
    const edited = defaultStoreDir(repo);
    fs.mkdirSync(edited);
    fs.writeFileSync(path.join(edited, STORE_GITIGNORE), 'spans.log\n');
    await (await SpanStore.open(edited, { mode: 'write' })).close();
    assert.equal(fs.readFileSync(path.join(edited, STORE_GITIGNORE), 'utf8'), 'spans.log\n');

    const bare = path.join(repo, 'bare-store');
    fs.mkdirSync(bare);
    const store = await SpanStore.open(bare, { mode: 'write' });
    await store.append([sampleSpan('c')]);
    await store.close();
    assert.equal(fs.existsSync(path.join(bare, STORE_GITIGNORE)), false);
    assert.match(status(repo), /bare-store\/spans\.log/);
  });
});
