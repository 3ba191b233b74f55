import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openBrowser } from './browser';
import type { OpenBrowser } from './browser';
import { codeServerDirs, extensionHostLogs, installExtension, startCodeServer, writeUserSettings } from './codeServer';
import type { CodeServerDirs, RunningCodeServer } from './codeServer';
import { pollUntil } from './poll';
import { describeStore, outcomeSpans } from './spanLog';
import { ghostText, goToLineEnd, openWorkbench, quickOpen, visibleEditorLines, waitForArenaLabReady } from './workbench';

// Issue 4 §4.3: the packed extension in real VS Code (code-server) driven by Debian Chromium. A person opens c.ts of
// test-fixtures/e2e-workspace, starts a new line after `const row = …` with `logger`, sees ArenaLab's ghost text,
// accepts it with Tab, and the workspace store records the suggestion as accepted.

const REPO = path.resolve(__dirname, '../..');
const FIXTURE = path.join(REPO, 'test-fixtures', 'e2e-workspace');
const ARTIFACTS = path.join(REPO, 'e2e', 'artifacts');
const TYPED = 'logger';
/** What `arenalab complete` suggests after `  logger` on line 5 of c.ts (from a.ts:5 and b.ts:5). */
const SUGGESTED = ".info('inserted', row.id);";
const ACCEPTED_LINE = `  ${TYPED}${SUGGESTED}`;

describe('e2e: ArenaLab in real VS Code (code-server 4.100.3 + Chromium)', function () {
  this.timeout(240_000);
  let home: string;
  let dirs: CodeServerDirs;
  let workspace: string;
  let server: RunningCodeServer | undefined;
  let browser: OpenBrowser | undefined;
  const logs = (): string => `${extensionHostLogs(dirs)}\n--- chromium console errors\n${browser?.consoleErrors() ?? ''}`;

  before(async () => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-e2e-'));
    dirs = codeServerDirs(home);
    workspace = path.join(home, 'e2e-workspace');
    fs.cpSync(FIXTURE, workspace, { recursive: true });
    // Only this spec's artifacts: the chat spec writes its own beside them.
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    for (const old of ['ghost-text.png', 'failure.png', 'failure-logs.txt', 'vscode-logs']) fs.rmSync(path.join(ARTIFACTS, old), { recursive: true, force: true });
    // The .vsix a user installs: the README's `npm run package`, written into the temp folder.
    const vsix = path.join(home, 'arenalab.vsix');
    execFileSync('npm', ['run', 'package', '--', '--out', vsix], { cwd: REPO, stdio: 'pipe' });
    await installExtension(vsix, dirs);
    writeUserSettings(dirs);
    server = await startCodeServer(dirs);
    browser = await openBrowser();
  });

  // The steps build on each other: after a failure the later ones are skipped rather than waiting out their timeouts.
  let failed = false;
  beforeEach(function () {
    if (failed) this.skip();
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    failed = true;
    if (!browser) return;
    const shot = path.join(ARTIFACTS, 'failure.png');
    await browser.page.screenshot({ path: shot }).catch(() => undefined);
    fs.writeFileSync(path.join(ARTIFACTS, 'failure-logs.txt'), `${logs()}\n--- code-server\n${server?.output() ?? ''}\n${describeStore(workspace)}`);
    // All of VS Code's logs (extension host, ArenaLab output channel, remote agent), since the temp home goes away.
    fs.cpSync(path.join(dirs.userData, 'logs'), path.join(ARTIFACTS, 'vscode-logs'), { recursive: true });
    console.log(`    e2e failure screenshot: ${shot}, logs: ${path.join(ARTIFACTS, 'failure-logs.txt')} and vscode-logs/`);
  });

  after(async () => {
    await browser?.browser.close();
    await server?.stop();
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('activates on a TypeScript file and reports the server running and the index ready in the status bar', async () => {
    const { page } = browser!;
    await openWorkbench(page, server!.url, workspace);
    await quickOpen(page, 'c.ts');
    const status = await waitForArenaLabReady(page, logs);
    assert.match(status, /creature `e2e-workspace`/, 'the status item names the creature after the workspace folder');
  });

  it('shows the predicted rest of the line as ghost text while typing, and Tab inserts it', async () => {
    const { page } = browser!;
    await goToLineEnd(page, 4);
    await page.keyboard.press('Enter');
    await page.keyboard.type(TYPED);
    let seen: string | undefined;
    await pollUntil(async () => (seen = await ghostText(page)) === SUGGESTED, {
      what: `ghost text ${JSON.stringify(SUGGESTED)} after typing ${JSON.stringify(TYPED)}`,
      timeoutMs: 30_000,
      onTimeout: async () => `last ghost text: ${JSON.stringify(seen)}\neditor: ${(await visibleEditorLines(page)).join('\n')}\n${logs()}`,
    });
    const shot = path.join(ARTIFACTS, 'ghost-text.png');
    await page.screenshot({ path: shot });
    console.log(`    screenshot of the ghost text: ${shot}`);

    await page.keyboard.press('Tab');
    const lines = await pollUntil(async () => {
      const shown = await visibleEditorLines(page);
      return shown.includes(ACCEPTED_LINE) && (await ghostText(page)) === undefined ? shown : undefined;
    }, { what: `the editor to show ${JSON.stringify(ACCEPTED_LINE)} with no ghost text left`, timeoutMs: 20_000 });
    assert.equal(lines.indexOf(ACCEPTED_LINE), 4, `the accepted line is line 5 of c.ts:\n${lines.join('\n')}`);

    // Saved, the file on disk holds what the editor shows: the suggestion was really inserted into the document.
    await page.keyboard.press('Control+S');
    const onDisk = await pollUntil(() => {
      const text = fs.readFileSync(path.join(workspace, 'c.ts'), 'utf8');
      return text.includes(ACCEPTED_LINE) ? text : undefined;
    }, { what: 'c.ts on disk to contain the accepted line after Ctrl+S', timeoutMs: 20_000 });
    assert.equal(onDisk.split('\n')[4], ACCEPTED_LINE);
  });

  it('records the accepted suggestion as a span in the workspace store (.arenalab/spans.log)', async () => {
    const accepted = await pollUntil(() => outcomeSpans(workspace, 'accepted')[0], {
      what: `a suggest_completion span with outcome "accepted" in ${workspace}/.arenalab/spans.log`,
      timeoutMs: 30_000,
      onTimeout: () => `${describeStore(workspace)}\n${logs()}`,
    });
    assert.equal(accepted.if_ok, SUGGESTED, 'the span holds the accepted text');
    assert.equal(accepted.this, 'c.ts:5', 'the span names the file and 1-based line');
    assert.equal(accepted.status, 'completed');
    assert.equal(accepted.confirmed_by, 'accepted by user');
    assert.equal(accepted.metadata?.file, 'c.ts');
    const id = accepted.metadata?.suggestion_id;
    assert.equal(typeof id, 'string');
    // The suggestion accepted is the one the client reported shown, and it ended once: accepted, nothing else.
    await pollUntil(() => outcomeSpans(workspace, 'shown').some((span) => span.metadata?.suggestion_id === id), {
      what: `a "shown" span for suggestion ${String(id)}`, timeoutMs: 30_000, onTimeout: () => describeStore(workspace),
    });
    const endings = ['accepted', 'partially_accepted', 'dismissed']
      .flatMap((outcome) => outcomeSpans(workspace, outcome))
      .filter((span) => span.metadata?.suggestion_id === id);
    assert.deepEqual(endings.map((span) => span.metadata?.outcome), ['accepted'], `one Tab, one ending:\n${describeStore(workspace)}`);
  });
});
