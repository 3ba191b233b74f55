import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { InlineCompletionItem } from 'vscode-languageserver/node';
import type { ExplainResult } from '@arenalab/protocol';
import { initializeTestServer, startTestServer, stopTestServer } from '../testing/lspTestServer';
import type { TestServer } from '../testing/lspTestServer';
import { INSERT_HEADER, insertFunction, writeInsertWorkspace } from '../testing/insertWorkspace';

// The real server over stdio: once the index is ready the engine calibrates its confidence in the background, on
// held-out lines of the workspace, and from then on a suggestion's confidence is the calibrated probability, its raw
// score kept beside it for explain.

/** Files of one shape with varying names and lines: enough held-out lines for a calibration (≥ 50 samples). */
function writeShapedFiles(workspace: string, count: number): void {
  for (let f = 0; f < count; f++) {
    const name = `item${f % 4}`;
    const text = [
      `export function load${f}(store: Store): Item {`,
      `  const ${name} = store.read('${name}');`,
      `  if (!${name}) throw new Error('missing ${name}');`,
      `  const checked = validate(${name}, { strict: ${f % 2 === 0} });`,
      `  return normalise(checked, ${f % 3});`,
      '}',
      '',
    ].join('\n');
    fs.writeFileSync(path.join(workspace, `load${f}.ts`), text);
  }
}

describe('LSP self-calibration of the confidence (stdio client)', function () {
  let workspace: string;
  let server: TestServer;

  before(async () => {
    workspace = writeInsertWorkspace('arenalab-calibration-');
    writeShapedFiles(workspace, 20);
    server = startTestServer(workspace);
    server.config = { confidenceThreshold: 0 };
    await initializeTestServer(server, [workspace]);
  });

  after(async () => {
    await stopTestServer(server);
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('calibrates in the background after the index is ready, and then reports the calibrated confidence', async () => {
    const line = await server.logged(/^confidence calibrated on (\d+) held-out sample/);
    assert.ok(server.statuses.some((s) => s.state === 'ready'), 'calibration comes after ready');
    const samples = Number(/on (\d+)/.exec(line)![1]);
    assert.ok(samples >= 50, line);

    const uri = pathToFileURL(path.join(workspace, 'c.ts')).href;
    const text = [...INSERT_HEADER, ...insertFunction('addGuest').slice(0, 2), '', ''].join('\n');
    await server.client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text } });
    const items = await server.client.sendRequest<InlineCompletionItem[]>('textDocument/inlineCompletion', {
      textDocument: { uri }, position: { line: 4, character: 0 }, context: { triggerKind: 1 },
    });
    assert.ok(items.length > 0, 'no suggestion');
    const explained = await server.client.sendRequest<ExplainResult | null>('arenalab/explain', { suggestionId: String(items[0].command?.arguments?.[0]) });
    assert.ok(explained?.rawConfidence !== undefined, JSON.stringify(explained));
    // Nothing typed on the line: a next line, or the rest of the body when it grew into a block.
    const shown = typeof items[0].insertText === 'string' ? items[0].insertText : items[0].insertText.value;
    assert.equal(explained.mode, shown.trimEnd().includes('\n') ? 'block' : 'next-line', shown);
    // Unfitted, the map is the identity; fitted on this workspace it moves the score.
    assert.notEqual(explained.confidence, explained.rawConfidence, JSON.stringify(explained));
    assert.ok(explained.confidence > 0 && explained.confidence < 1);
  });
});
