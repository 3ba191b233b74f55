import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ExplainResult, ExplainSource, ForgetResult } from '@arenalab/protocol';
import type { InlineCompletionItem } from 'vscode-languageserver-protocol';
import { initializeTestServer, startTestServer, stopTestServer } from '../testing/lspTestServer';
import type { TestServer } from '../testing/lspTestServer';

// Over stdio: an accepted suggestion credits the places it came from (explain shows it); forgetting one of
// their files takes exactly that file's credit back, forgetting a source by id the outcomes citing it, and the code
// keeps being suggested.
const CONTEXT = ['export function handle(request: Request): Response {', '  const user = authenticate(request);'];
const BODY = 'return respond(user, request.body);';

describe('arenalab lsp --stdio: arenalab/forget (protocol test)', function () {
  this.timeout(60_000);
  let workspace: string;
  let server: TestServer;
  const uriOf = (name: string) => pathToFileURL(path.join(workspace, name)).href;
  const idOf = (item: InlineCompletionItem) => String(item.command?.arguments?.[0]);

  /** Suggests in a new document with the shared context; the explanation of the BODY suggestion. */
  async function explainBody(name: string): Promise<{ id: string; sources: Map<string, ExplainSource> }> {
    await server.client.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(name), languageId: 'typescript', version: 1, text: [...CONTEXT, '', '}'].join('\n') } });
    const items = await server.client.sendRequest<InlineCompletionItem[]>('textDocument/inlineCompletion', { textDocument: { uri: uriOf(name) }, position: { line: 2, character: 0 }, context: { triggerKind: 1 } });
    const body = items.find((i) => i.insertText.toString().trim() === BODY);
    assert.ok(body, `no ${BODY} among ${JSON.stringify(items.map((i) => i.insertText))}`);
    const explained = await server.client.sendRequest<ExplainResult | null>('arenalab/explain', { suggestionId: idOf(body) });
    assert.ok(explained);
    return { id: idOf(body), sources: new Map(explained.sources.map((s) => [s.file ?? '', s])) };
  }

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-forget-'));
    for (const name of ['a.ts', 'b.ts']) fs.writeFileSync(path.join(workspace, name), [...CONTEXT, `  ${BODY}`, '}', ''].join('\n'));
    server = startTestServer(workspace);
    server.config = { confidenceThreshold: 0 };
    await initializeTestServer(server, [workspace]);
  });

  after(async () => {
    await stopTestServer(server);
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('forgets the trust learned for one file and not the other, then a source with the outcomes citing it', async () => {
    const first = await explainBody('d.ts');
    assert.deepEqual([...first.sources.keys()].sort(), ['a.ts', 'b.ts']);
    assert.ok([...first.sources.values()].every((s) => s.acceptedBefore === 0));
    await server.client.sendNotification('arenalab/feedback', { suggestionId: first.id, outcome: 'accepted' });

    const credited = await explainBody('e.ts');
    assert.deepEqual(['a.ts', 'b.ts'].map((f) => credited.sources.get(f)?.acceptedBefore), [1, 1], 'the acceptance credited both places');

    const byFile = await server.client.sendRequest<ForgetResult>('arenalab/forget', { file: uriOf('a.ts') });
    assert.deepEqual(byFile, { outcomes: [], sources: 1, file: 'a.ts' });
    const afterFile = await explainBody('f.ts');
    assert.deepEqual(['a.ts', 'b.ts'].map((f) => afterFile.sources.get(f)?.acceptedBefore), [0, 1], 'a.ts forgotten, b.ts kept, a.ts still suggested from');

    const spanId = afterFile.sources.get('b.ts')?.spanId;
    assert.ok(spanId);
    // A span is forgotten with everything citing it: the acceptance's outcome span names the source.
    const bySource = await server.client.sendRequest<ForgetResult>('arenalab/forget', { spanIds: [spanId] });
    assert.equal(bySource.outcomes.length, 1, JSON.stringify(bySource));
    assert.ok(bySource.outcomes[0] !== spanId);
    const afterSource = await explainBody('g.ts');
    assert.deepEqual(['a.ts', 'b.ts'].map((f) => afterSource.sources.get(f)?.acceptedBefore), [0, 0]);
  });

  it('answers nothing removed, with a clear log line, for malformed params', async () => {
    const result = await server.client.sendRequest<ForgetResult>('arenalab/forget', { spanIds: 'win_x' });
    assert.deepEqual(result, { outcomes: [], sources: 0 });
    assert.match(await server.logged(/^arenalab\/forget failed/), /ForgetError: spanIds: expected an array of non-empty strings/);
    const empty = await server.client.sendRequest<ForgetResult>('arenalab/forget', {});
    assert.deepEqual(empty, { outcomes: [], sources: 0 });
    assert.match(await server.logged(/nothing to forget/), /give spanIds, file or both/);
  });
});
