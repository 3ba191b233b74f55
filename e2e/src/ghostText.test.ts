import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ARTIFACTS, useE2eSession } from './e2eSession';
import { pollUntil } from './poll';
import { describeStore, outcomeSpans } from './spanLog';
import { ghostText, goToLineEnd, openWorkbench, quickOpen, visibleEditorLines, waitForArenaLabReady } from './workbench';

// The packed extension in real VS Code (code-server) driven by Debian Chromium. A person opens c.ts of
// test-fixtures/e2e-workspace, starts a new line after `const row = …` with `logger`, sees ArenaLab's ghost text,
// accepts it with Tab, and the workspace store records the suggestion as accepted.

const TYPED = 'logger';
/** What `arenalab complete` suggests after `  logger` on line 5 of c.ts (from a.ts:5 and b.ts:5). */
const SUGGESTED = ".info('inserted', row.id);";
const ACCEPTED_LINE = `  ${TYPED}${SUGGESTED}`;

describe('e2e: ArenaLab in real VS Code (code-server 4.100.3 + Chromium)', function () {
  this.timeout(240_000);
  const session = useE2eSession({
    name: 'ghost-text',
    artifacts: ['ghost-text.png', 'ghost-text-failure.png', 'ghost-text-failure-logs.txt', 'ghost-text-vscode-logs'],
  });
  const logs = (): string => session.current.logs();

  it('activates on a TypeScript file and reports the server running and the index ready in the status bar', async () => {
    const { page } = session.current.browser;
    await openWorkbench(page, session.current.server.url, session.current.workspace);
    await quickOpen(page, 'c.ts');
    const status = await waitForArenaLabReady(page, logs);
    assert.match(status, /creature `e2e-workspace`/, 'the status item names the creature after the workspace folder');
  });

  it('shows the predicted rest of the line as ghost text while typing, and Tab inserts it', async () => {
    const { page } = session.current.browser;
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
      const text = fs.readFileSync(path.join(session.current.workspace, 'c.ts'), 'utf8');
      return text.includes(ACCEPTED_LINE) ? text : undefined;
    }, { what: 'c.ts on disk to contain the accepted line after Ctrl+S', timeoutMs: 20_000 });
    assert.equal(onDisk.split('\n')[4], ACCEPTED_LINE);
  });

  it('records the accepted suggestion as a span in the workspace store (.arenalab/spans.log)', async () => {
    const accepted = await pollUntil(() => outcomeSpans(session.current.workspace, 'accepted')[0], {
      what: `a suggest_completion span with outcome "accepted" in ${session.current.workspace}/.arenalab/spans.log`,
      timeoutMs: 30_000,
      onTimeout: () => `${describeStore(session.current.workspace)}\n${logs()}`,
    });
    assert.equal(accepted.if_ok, SUGGESTED, 'the span holds the accepted text');
    assert.equal(accepted.this, 'c.ts:5', 'the span names the file and 1-based line');
    assert.equal(accepted.status, 'completed');
    assert.equal(accepted.confirmed_by, 'accepted by user');
    assert.equal(accepted.metadata?.file, 'c.ts');
    const id = accepted.metadata?.suggestion_id;
    assert.equal(typeof id, 'string');
    // The suggestion accepted is the one the client reported shown, and it ended once: accepted, nothing else.
    await pollUntil(() => outcomeSpans(session.current.workspace, 'shown').some((span) => span.metadata?.suggestion_id === id), {
      what: `a "shown" span for suggestion ${String(id)}`, timeoutMs: 30_000, onTimeout: () => describeStore(session.current.workspace),
    });
    const endings = ['accepted', 'partially_accepted', 'dismissed']
      .flatMap((outcome) => outcomeSpans(session.current.workspace, outcome))
      .filter((span) => span.metadata?.suggestion_id === id);
    assert.deepEqual(endings.map((span) => span.metadata?.outcome), ['accepted'], `one Tab, one ending:\n${describeStore(session.current.workspace)}`);
  });
});
