import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { askInChat, chatFrame, openChatView } from './chatView';
import { ARTIFACTS, REPO, useE2eSession } from './e2eSession';
import { pollUntil } from './poll';
import { describeStore, readStoredSpans } from './spanLog';
import { openWorkbench, quickOpen, waitForArenaLabReady } from './workbench';

// The chat panel in real VS Code (code-server). The workspace's store holds imported chat turns
// (test-fixtures/chat/qa-corpus.jsonl, `arenalab ingest --format chat`); a person opens the ArenaLab chat view, asks
// how to undo a commit, sees the answer with its confidence and sources, opens a source, and rates the answer 👍,
// which the store records as a rate_answer span.

const CORPUS = path.join(REPO, 'test-fixtures', 'chat', 'qa-corpus.jsonl');
const QUESTION = 'How do I undo my last git commit and keep my changes?';

describe('e2e: the ArenaLab chat view in real VS Code (code-server 4.100.3 + Chromium)', function () {
  this.timeout(240_000);
  const session = useE2eSession({
    name: 'chat',
    artifacts: ['chat.png', 'chat-failure.png', 'chat-failure-logs.txt', 'chat-vscode-logs'],
    prepare: (workspace) => {
      // The memory the chat answers from: chat turns imported into the workspace's store before the editor starts.
      execFileSync(process.execPath, [path.join(REPO, 'bin', 'arenalab.js'), 'ingest', CORPUS, '--format', 'chat', '--store', path.join(workspace, '.arenalab')], { stdio: 'pipe' });
    },
  });
  const logs = (): string => session.current.logs();

  it('answers a question from the imported chat turns, with a confidence badge, the method and the sources', async () => {
    const { page } = session.current.browser;
    await openWorkbench(page, session.current.server.url, session.current.workspace);
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
    const { page } = session.current.browser;
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
    const { page } = session.current.browser;
    const chat = chatFrame(page);
    const answer = chat.locator('.entry.answer').first();
    await answer.locator('button[data-rating="up"]').click();
    await pollUntil(() => answer.locator('.rating[data-rated="up"]').isVisible(), { what: 'the chat to confirm the 👍', timeoutMs: 20_000 });
    const rating = await pollUntil(() => readStoredSpans(session.current.workspace).find((span) => span.did === 'rate_answer'), {
      what: `a rate_answer span in ${session.current.workspace}/.arenalab/spans.log`, timeoutMs: 30_000, onTimeout: () => `${describeStore(session.current.workspace)}\n${logs()}`,
    });
    assert.equal(rating.metadata?.rating, 'up');
    assert.equal(rating.this, QUESTION);
    assert.equal(rating.status, 'completed');
    assert.match(String(rating.if_ok), /git reset --soft HEAD~1/);
  });
});
