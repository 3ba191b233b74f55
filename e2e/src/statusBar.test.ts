import { strict as assert } from 'node:assert';
import type { Page } from 'playwright-core';
import { useE2eSession } from './e2eSession';
import { pollUntil } from './poll';
import { arenaLabStatus, goToLineEnd, openWorkbench, quickOpen, startCommand, triggerInlineSuggestion, waitForArenaLabReady } from './workbench';

// Daily use in real VS Code (code-server + Chromium): an explicit request (Alt+\) that gets nothing says why in the
// status bar; a snooze picked from the Command Palette shows until when in the status bar, and ends on request.

/** The Command Palette: runs `title`, then picks `choice` in the quick pick the command opens. */
async function runAndPick(page: Page, title: string, choice: string): Promise<void> {
  const input = await startCommand(page, title);
  const option = page.locator('.quick-input-list .monaco-list-row', { hasText: choice }).first();
  await pollUntil(() => option.isVisible(), { what: `the quick pick to offer "${choice}"`, timeoutMs: 20_000 });
  await option.click();
  await pollUntil(async () => !(await input.isVisible()), { what: 'the quick pick to close', timeoutMs: 20_000 });
}

async function statusMatching(page: Page, pattern: RegExp, what: string): Promise<string> {
  let label = '';
  return pollUntil(async () => (pattern.test((label = await arenaLabStatus(page))) ? label : undefined), {
    what, timeoutMs: 30_000, onTimeout: () => `status: ${label}`,
  });
}

describe('e2e: snooze from the Command Palette', function () {
  this.timeout(240_000);
  const session = useE2eSession({ name: 'status-bar', artifacts: ['status-bar-failure.png', 'status-bar-failure-logs.txt', 'status-bar-vscode-logs'] });

  it('says why an explicit request (Alt+\\) on a line nothing in the workspace continues gets no suggestion', async () => {
    const { page } = session.current.browser;
    await openWorkbench(page, session.current.server.url, session.current.workspace);
    await quickOpen(page, 'c.ts');
    await waitForArenaLabReady(page, () => session.current.logs());
    // A new last line no indexed file has anything like.
    await goToLineEnd(page, 6);
    await page.keyboard.press('Enter');
    await page.keyboard.type('zqxv');
    await triggerInlineSuggestion(page);
    await statusMatching(page, /no suggestion: (no match|below threshold \(\d+% < \d+%\))/, 'the status item to say why nothing was suggested');
    assert.match(await arenaLabStatus(page), /No suggestion: (Nothing in the index matches|The best candidate had)/, 'the tooltip says it in a sentence');
  });

  it('snoozes for 15 minutes from the Command Palette, shows until when, in the status item', async () => {
    const { page } = session.current.browser;
    await goToLineEnd(page, 4);
    await runAndPick(page, 'ArenaLab: Snooze suggestions', '15 minutes');
    const label = await statusMatching(page, /snoozed until \d\d:\d\d/, 'the status item to show the snooze');
    const [hours, minutes] = /snoozed until (\d\d):(\d\d)/.exec(label)!.slice(1).map(Number);
    const until = hours * 60 + minutes;
    const now = new Date().getHours() * 60 + new Date().getMinutes();
    // Local time of the same machine; 15 minutes ahead, give or take the minute boundary (and midnight).
    assert.ok([15, 16, 14].includes((until - now + 24 * 60) % (24 * 60)), `${label} (now ${now})`);
    assert.doesNotMatch(label, /no suggestion:/, 'the reason of the request before the snooze is gone');
  });

  it('says that suggestions are snoozed when Alt+\\ asks during the snooze', async () => {
    const { page } = session.current.browser;
    await triggerInlineSuggestion(page);
    await statusMatching(page, /no suggestion: snoozed/, 'the status item to say the request got nothing because of the snooze');
    assert.match(await arenaLabStatus(page), /Suggestions are snoozed until \d\d:\d\d/);
  });

  it('resumes on request', async () => {
    const { page } = session.current.browser;
    await page.keyboard.press('F1');
    await page.keyboard.type('ArenaLab: Resume suggestions');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'ArenaLab: Resume suggestions' }).first();
    await pollUntil(() => row.isVisible(), { what: 'the Command Palette to list Resume suggestions', timeoutMs: 20_000 });
    await page.keyboard.press('Enter');
    await statusMatching(page, /^(?![\s\S]*snoozed until)[\s\S]*suggestions: on/, 'the status item to show suggestions on again');
  });
});
