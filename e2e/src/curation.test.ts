import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ARTIFACTS, REPO, useE2eSession } from './e2eSession';
import { curationFrame, pageText, shownXp } from './curationView';
import { pollUntil } from './poll';
import { describeStore, readStoredSpans } from './spanLog';
import { openWorkbench, quickOpen, runCommand, waitForArenaLabReady } from './workbench';

// "ArenaLab: Curate session" in real VS Code (code-server 4.100.3 + Chromium). The workspace store holds
// the sample editor session (ingested with the CLI); a person opens the curation page from the Command Palette,
// judges the newest span 👍 Diamond, sees the XP go up, the store gets a judge_span span, and deep analysis shows
// the radar chart of the five dimensions before and after enriching the span.

const SESSION = path.join(REPO, 'test-fixtures', 'sample-workspace', 'spans', 'editor-session.jsonl');
/** The session without its last, unfinished question (ed-012, "needs enrichment"): the newest span is then ed-010, a diamond. */
const NEWEST = 'ed-010';

describe('e2e: curating a session in real VS Code (code-server 4.100.3 + Chromium)', function () {
  this.timeout(240_000);
  const session = useE2eSession({
    name: 'curation',
    artifacts: ['curation.png', 'datasets.png', 'curation-failure.png', 'curation-failure-logs.txt', 'curation-vscode-logs'],
    prepare: (workspace, home) => {
      const sessionFile = path.join(home, 'session.jsonl');
      fs.writeFileSync(sessionFile, fs.readFileSync(SESSION, 'utf8').split('\n').filter((line) => !line.includes('"ed-012"')).join('\n'));
      // The CLI exits 1 because the fixture has three broken lines on purpose; the good ones are stored.
      try {
        execFileSync(process.execPath, [path.join(REPO, 'bin', 'arenalab.js'), 'ingest', sessionFile, '--store', path.join(workspace, '.arenalab')], { stdio: 'pipe' });
      } catch (error) {
        if ((error as { status?: number }).status !== 1) throw error;
      }
      assert.equal(readStoredSpans(workspace).length, 11, describeStore(workspace));
    },
  });
  const logs = (): string => session.current.logs();

  it('opens "ArenaLab: Curate session" and shows the newest span of the store on a card with a countdown', async () => {
    const { page } = session.current.browser;
    await openWorkbench(page, session.current.server.url, session.current.workspace);
    await quickOpen(page, 'c.ts');
    await waitForArenaLabReady(page, logs);
    await runCommand(page, 'ArenaLab: Curate session');
    const frame = curationFrame(page);
    const card = frame.locator(`.span-card[data-span-id="${NEWEST}"]`);
    await pollUntil(() => card.isVisible(), { what: `the curation page to show span ${NEWEST}`, timeoutMs: 60_000, onTimeout: async () => `${await pageText(frame)}\n${logs()}` });
    assert.equal(await shownXp(frame), 0);
    assert.ok(await frame.locator('#countdown').isVisible());
  });

  it('👍 Diamond agrees with the meter: the XP goes up and a judge_span span is stored', async () => {
    const frame = curationFrame(session.current.browser.page);
    await frame.locator('button[data-verdict="diamond"]').click();
    const feedback = frame.locator('#feedback');
    await pollUntil(() => feedback.isVisible(), { what: 'the verdict feedback', timeoutMs: 30_000, onTimeout: () => pageText(frame) });
    assert.match(await feedback.innerText(), /XP, good intuition/, await pageText(frame));
    assert.equal(await shownXp(frame), 10);
    const judgement = await pollUntil(() => readStoredSpans(session.current.workspace).find((s) => s.did === 'judge_span'), {
      what: 'a judge_span span in the workspace store', timeoutMs: 30_000, onTimeout: () => describeStore(session.current.workspace),
    });
    assert.equal(judgement.this, NEWEST);
    assert.equal(judgement.metadata?.verdict, 'diamond');
    assert.equal(judgement.metadata?.xp, 10);
  });

  it('deep analysis draws the radar chart, and enriching the span rescored shows before and after', async () => {
    const { page } = session.current.browser;
    const frame = curationFrame(page);
    await frame.locator('button[data-mode="deep"]').click();
    await pollUntil(() => frame.locator('svg.radar polygon.series.current').isVisible(), { what: 'the radar chart', timeoutMs: 30_000, onTimeout: () => pageText(frame) });
    await frame.locator('#enrich-context').fill('stakes = high');
    await frame.locator('#enrich-metadata').fill('reviewer = bob');
    await frame.locator('button[data-action="rescore"]').click();
    await pollUntil(() => frame.locator('#compare').isVisible(), { what: 'the before/after comparison', timeoutMs: 30_000, onTimeout: () => pageText(frame) });
    assert.equal(await frame.locator('svg.radar polygon.series').count(), 2, 'before and after on the same axes');
    assert.equal(await frame.locator('svg.radar text.label').count(), 5);
    await page.screenshot({ path: path.join(ARTIFACTS, 'curation.png') });
    console.log(`    screenshot: ${path.join(ARTIFACTS, 'curation.png')}`);
  });

  it('back in rapid fire, Enter moves to the next span and the key 1 judges it: the streak bonus is paid', async () => {
    const { page } = session.current.browser;
    const frame = curationFrame(page);
    await frame.locator('button[data-mode="rapid"]').click();
    // The judged span stays with its feedback; the page (not the editor) has the keyboard after a click on it.
    await pollUntil(() => frame.locator('#feedback').isVisible(), { what: 'the judged span with its feedback', timeoutMs: 30_000, onTimeout: () => pageText(frame) });
    await frame.locator('#feedback .message').click();
    await page.keyboard.press('Enter');
    // ed-009 (npm run build, a diamond) is the next newest after ed-010.
    await pollUntil(() => frame.locator('.span-card[data-span-id="ed-009"]').isVisible(), { what: 'the next span, ed-009, on the card', timeoutMs: 30_000, onTimeout: () => pageText(frame) });
    await page.keyboard.press('1');
    await pollUntil(() => frame.locator('#feedback').isVisible(), { what: 'the feedback on the key 1 verdict', timeoutMs: 30_000, onTimeout: () => pageText(frame) });
    assert.match(await frame.locator('#feedback').innerText(), /\+12 XP, good intuition! \(streak 2\)/, await pageText(frame));
    assert.equal(await shownXp(frame), 22);
    const judged = await pollUntil(() => readStoredSpans(session.current.workspace).find((s) => s.did === 'judge_span' && s.this === 'ed-009'), { what: 'the judge_span span of ed-009', timeoutMs: 30_000, onTimeout: () => describeStore(session.current.workspace) });
    assert.equal(judged.metadata?.streak, 2);
  });

  it('the ArenaLab Datasets view builds a dataset from the store and shows its version and quality histogram', async () => {
    const { page } = session.current.browser;
    await runCommand(page, 'ArenaLab: Build dataset from the store');
    const name = page.locator('.quick-input-widget input');
    await pollUntil(async () => (await name.isVisible()) && (await name.inputValue()) === 'diamond_dataset_v1', { what: 'the dataset name box with the default name', timeoutMs: 20_000 });
    await page.keyboard.press('Enter');
    const built = await pollUntil(() => fs.existsSync(path.join(session.current.workspace, '.arenalab', 'datasets', 'diamond_dataset_v1', '1.0.0', 'manifest.json')), {
      what: 'diamond_dataset_v1@1.0.0 in the workspace store', timeoutMs: 60_000, onTimeout: logs,
    });
    assert.ok(built);
    const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'ArenaLab Datasets' }) });
    const header = pane.locator('.pane-header');
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    // A row by its label exactly (the dataset row's description also says "latest 1.0.0").
    const row = (label: string) => pane.locator('.monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label.replace(/[.]/g, '\\.')}$`) }) }).first();
    await pollUntil(() => row('diamond_dataset_v1').isVisible(), { what: 'the dataset in the Datasets view', timeoutMs: 30_000, onTimeout: logs });
    await pollUntil(() => row('1.0.0').isVisible(), { what: 'its version 1.0.0', timeoutMs: 30_000 });
    await row('1.0.0').click();
    await pollUntil(() => row('Quality histogram').isVisible(), { what: 'the version\'s Stats, Domains and Quality histogram rows', timeoutMs: 20_000 });
    await row('Quality histogram').click();
    await pollUntil(() => row('90–99').isVisible(), { what: 'the 90–99 bucket of the quality histogram', timeoutMs: 20_000 });
    assert.match(await row('90–99').innerText(), /█+\s*\d+/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'datasets.png') });
  });
});
