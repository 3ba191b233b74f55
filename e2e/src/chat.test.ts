import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openBrowser } from './browser';
import type { OpenBrowser } from './browser';
import { askInChat, chatFrame, openChatView } from './chatView';
import { codeServerDirs, extensionHostLogs, installExtension, startCodeServer, writeUserSettings } from './codeServer';
import type { CodeServerDirs, RunningCodeServer } from './codeServer';
import { pollUntil } from './poll';
import { describeStore, readStoredSpans } from './spanLog';
import { openWorkbench, quickOpen, waitForArenaLabReady } from './workbench';

// Issue 6 §4: the chat panel in real VS Code (code-server). The workspace's store holds imported chat turns
// (test-fixtures/chat/qa-corpus.jsonl, `arenalab ingest --format chat`); a person opens the ArenaLab chat view, asks
// how to undo a commit, sees the answer with its confidence and sources, opens a source, and rates the answer 👍,
// which the store records as a rate_answer span.

const REPO = path.resolve(__dirname, '../..');
const FIXTURE = path.join(REPO, 'test-fixtures', 'e2e-workspace');
const CORPUS = path.join(REPO, 'test-fixtures', 'chat', 'qa-corpus.jsonl');
const ARTIFACTS = path.join(REPO, 'e2e', 'artifacts');
const QUESTION = 'How do I undo my last git commit and keep my changes?';

describe('e2e: the ArenaLab chat view in real VS Code (code-server 4.100.3 + Chromium)', function () {
  this.timeout(240_000);
  let home: string;
  let dirs: CodeServerDirs;
  let workspace: string;
  let server: RunningCodeServer | undefined;
  let browser: OpenBrowser | undefined;
  const logs = (): string => `${extensionHostLogs(dirs)}\n--- chromium console errors\n${browser?.consoleErrors() ?? ''}`;

  before(async () => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-e2e-chat-'));
    dirs = codeServerDirs(home);
    workspace = path.join(home, 'e2e-workspace');
    fs.cpSync(FIXTURE, workspace, { recursive: true });
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    for (const old of ['chat.png', 'chat-failure.png', 'chat-failure-logs.txt', 'chat-vscode-logs']) fs.rmSync(path.join(ARTIFACTS, old), { recursive: true, force: true });
    // The memory the chat answers from: chat turns imported into the workspace's store before the editor starts.
    execFileSync(process.execPath, [path.join(REPO, 'bin', 'arenalab.js'), 'ingest', CORPUS, '--format', 'chat', '--store', path.join(workspace, '.arenalab')], { stdio: 'pipe' });
    const vsix = path.join(home, 'arenalab.vsix');
    execFileSync('npm', ['run', 'package', '--', '--out', vsix], { cwd: REPO, stdio: 'pipe' });
    await installExtension(vsix, dirs);
    writeUserSettings(dirs);
    server = await startCodeServer(dirs);
    browser = await openBrowser();
  });

  let failed = false;
  beforeEach(function () {
    if (failed) this.skip();
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    failed = true;
    if (!browser) return;
    const shot = path.join(ARTIFACTS, 'chat-failure.png');
    await browser.page.screenshot({ path: shot }).catch(() => undefined);
    fs.writeFileSync(path.join(ARTIFACTS, 'chat-failure-logs.txt'), `${logs()}\n--- code-server\n${server?.output() ?? ''}\n${describeStore(workspace)}`);
    fs.cpSync(path.join(dirs.userData, 'logs'), path.join(ARTIFACTS, 'chat-vscode-logs'), { recursive: true });
    console.log(`    e2e failure screenshot: ${shot}, logs: ${path.join(ARTIFACTS, 'chat-failure-logs.txt')} and chat-vscode-logs/`);
  });

  after(async () => {
    await browser?.browser.close();
    await server?.stop();
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('answers a question from the imported chat turns, with a confidence badge, the method and the sources', async () => {
    const { page } = browser!;
    await openWorkbench(page, server!.url, workspace);
    await quickOpen(page, 'c.ts');
    await waitForArenaLabReady(page, logs);
    const chat = await openChatView(page);
    await askInChat(chat, QUESTION);
    const answer = chat.locator('.entry.answer').first();
    await pollUntil(() => answer.isVisible(), {
      what: 'an answer in the chat view', timeoutMs: 60_000,
      onTimeout: async () => `chat view: ${await chat.locator('#messages').textContent().catch(() => '(unreadable)')}\n${logs()}`,
    });
    assert.match(await chat.locator('.entry.question').first().innerText(), /undo my last git commit/);
    assert.match(await answer.locator('.text').innerText(), /git reset --soft HEAD~1/);
    assert.match(await answer.locator('.badge').innerText(), /^\d{1,3}%$/);
    assert.equal(await answer.locator('.method').innerText(), 'majority');
    await answer.locator('.sources summary').click();
    await pollUntil(() => answer.locator('.sources a').first().isVisible(), { what: 'the answer\'s sources to unfold', timeoutMs: 20_000 });
    const shot = path.join(ARTIFACTS, 'chat.png');
    await page.screenshot({ path: shot });
    console.log(`    screenshot of the chat: ${shot}`);
  });

  it('opens a source as the stored span, read-only JSON beside the chat', async () => {
    const { page } = browser!;
    const chat = chatFrame(page);
    const link = chat.locator('.entry.answer .sources a').first();
    const label = (await link.innerText()).replace(/^span /, '');
    await link.click();
    const tab = page.locator('.tabs-container .tab.active', { hasText: '.json' });
    await pollUntil(() => tab.isVisible(), { what: `the span ${label} to open as a JSON document`, timeoutMs: 20_000, onTimeout: logs });
    const shown = await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().innerText();
    assert.match(shown.replace(/\u00a0/g, ' '), /"did": "ask_question"/);
  });

  it('stores 👍 on the answer as a rate_answer span in the workspace store', async () => {
    const { page } = browser!;
    const chat = chatFrame(page);
    const answer = chat.locator('.entry.answer').first();
    await answer.locator('button[data-rating="up"]').click();
    await pollUntil(() => answer.locator('.rating[data-rated="up"]').isVisible(), { what: 'the chat to confirm the 👍', timeoutMs: 20_000 });
    const rating = await pollUntil(() => readStoredSpans(workspace).find((span) => span.did === 'rate_answer'), {
      what: `a rate_answer span in ${workspace}/.arenalab/spans.log`, timeoutMs: 30_000, onTimeout: () => `${describeStore(workspace)}\n${logs()}`,
    });
    assert.equal(rating.metadata?.rating, 'up');
    assert.equal(rating.this, QUESTION);
    assert.equal(rating.status, 'completed');
    assert.match(String(rating.if_ok), /git reset --soft HEAD~1/);
  });
});
