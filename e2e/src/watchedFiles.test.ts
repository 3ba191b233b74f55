import * as fs from 'node:fs';
import * as path from 'node:path';
import { useE2eSession } from './e2eSession';
import { pollUntil } from './poll';
import { ghostText, goToLineEnd, openWorkbench, quickOpen, visibleEditorLines, waitForArenaLabReady } from './workbench';

// The index follows the disk in real VS Code (code-server + Chromium): files written by another program while the
// editor runs (a checkout, a build) are reported by the file watchers the server registered, indexed, and suggested
// from, with no "Index workspace" run by hand.

const TYPED = 'audit';
/** What only the files written by the test continue `const row = db.insert('users', { name });` with. */
const SUGGESTED = ".record(row.id, 'watched');";

/** A fixture-like file (a.ts, b.ts) whose line after the insert is the audit call. */
/** Files the server re-read after watched-file reports, summed over its log lines. */
function refreshedFiles(log: string): number {
  return [...log.matchAll(/changed files on disk: (\d+) refreshed/g)].reduce((sum, match) => sum + Number(match[1]), 0);
}

const watchedFile = (name: string) => [
  "import { Db } from './db';",
  '',
  `export function ${name}(db: Db, name: string) {`,
  "  const row = db.insert('users', { name });",
  `  audit${SUGGESTED}`,
  '  return row;',
  '}',
  '',
].join('\n');

describe('e2e: files written outside the editor are indexed and suggested from', function () {
  this.timeout(240_000);
  const session = useE2eSession({ name: 'watched-files', artifacts: ['watched-files-failure.png', 'watched-files-failure-logs.txt', 'watched-files-vscode-logs'] });
  const logs = (): string => session.current.logs();

  it('suggests from files written on disk by another program, within seconds', async () => {
    const { page } = session.current.browser;
    await openWorkbench(page, session.current.server.url, session.current.workspace);
    await quickOpen(page, 'c.ts');
    await waitForArenaLabReady(page, logs);
    // Two files, as a checkout writes them: the suggestion has two sources agreeing, like the fixture's.
    const folder = path.join(session.current.workspace, 'generated-by-tool');
    fs.mkdirSync(folder);
    await fs.promises.writeFile(path.join(folder, 'audited.ts'), watchedFile('addAudited'));
    await fs.promises.writeFile(path.join(session.current.workspace, 'tracked.ts'), watchedFile('addTracked'));
    // The server says in its log how many written files it re-read; the editor's request comes after that, as a
    // person would type after a checkout finished.
    await pollUntil(() => refreshedFiles(logs()) >= 2, {
      what: 'the server log to report both written files refreshed ("changed files on disk: N refreshed")',
      timeoutMs: 60_000,
      onTimeout: () => logs(),
    });
    await goToLineEnd(page, 4);
    await page.keyboard.press('Enter');
    await page.keyboard.type(TYPED);
    let seen: string | undefined;
    let polls = 0;
    await pollUntil(async () => {
      seen = await ghostText(page);
      if (seen === SUGGESTED) return true;
      // Typing the last letter again is a new request, should the first have raced the index swap.
      if (++polls % 5 === 0) {
        await page.keyboard.press('Backspace');
        await page.keyboard.type(TYPED.slice(-1));
      }
      return false;
    }, {
      what: `ghost text ${JSON.stringify(SUGGESTED)} from the files written on disk`,
      timeoutMs: 30_000,
      intervalMs: 1000,
      onTimeout: async () => `last ghost text: ${JSON.stringify(seen)}\neditor: ${(await visibleEditorLines(page)).join('\n')}\n${logs()}`,
    });
  });
});
