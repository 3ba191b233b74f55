import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixedClock } from '@arenalab/core';
import type { Connection, InitializeParams } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLspContext } from '../lspContext';
import { DEFAULT_LSP_SETTINGS } from '../settings/lspSettings';
import { suggestAt } from './suggestAt';

// The completion path through the real engine and the real constitution: what the engine would suggest is withheld
// when it carries a secret or comes from an excluded file, and shown otherwise.
const CONTEXT = ['export function connect(options: Options): Client {', '  const client = createClient(options);'];
const URI = 'untitled:c.ts';
// A GitHub token shape the secret detectors know (not a real token).
const SECRET_LINE = "client.auth('ghp_0123456789abcdefghijABCDEFGHIJ0123456789');";
const PLAIN_LINE = 'client.retry(options.retries);';

function setup(root: string, file: string, line: string) {
  const logs: string[] = [];
  const console = { info: (l: string) => logs.push(l), error: (l: string) => logs.push(l), warn: () => undefined, log: () => undefined };
  const ctx = createLspContext({ console } as unknown as Connection, DEFAULT_LSP_SETTINGS, fixedClock(Date.UTC(2024, 5, 1)));
  ctx.roots.setFromInitialize({ workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'w' }] } as InitializeParams);
  ctx.engine.addFile(file, 'typescript', [...CONTEXT, `  ${line}`, '}'].join('\n'));
  ctx.clientSettings = { ...ctx.clientSettings, confidenceThreshold: 0 };
  const document = TextDocument.create(URI, 'typescript', 1, [...CONTEXT, ''].join('\n'));
  ctx.documents = { get: (u: string) => (u === URI ? document : undefined), all: () => [document] } as unknown as typeof ctx.documents;
  return { ctx, logs, at: { line: 2, character: 0 } };
}

const texts = (shown: { candidate: { text: string } }[]) => shown.map((s) => s.candidate.text.trim());

describe('suggestAt: the constitution withholds what must never be suggested', () => {
  let root: string;
  beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-constitution-'))));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('shows an ordinary continuation', async () => {
    const { ctx, at } = setup(root, 'src/a.ts', PLAIN_LINE);
    assert.deepEqual(texts(await suggestAt(ctx, URI, at)), [PLAIN_LINE]);
  });

  it('withholds a continuation that carries a secret, and logs why', async () => {
    const { ctx, at, logs } = setup(root, 'src/a.ts', SECRET_LINE);
    assert.deepEqual(texts(await suggestAt(ctx, URI, at)), []);
    assert.ok(logs.some((l) => /withheld by the constitution: no_secrets/.test(l)), logs.join('\n'));
  });

  it('withholds content that comes from a gitignored file', async () => {
    fs.writeFileSync(path.join(root, '.gitignore'), 'private/\n');
    const { ctx, at, logs } = setup(root, 'private/a.ts', PLAIN_LINE);
    assert.deepEqual(texts(await suggestAt(ctx, URI, at)), []);
    assert.ok(logs.some((l) => /no_excluded_content/.test(l)), logs.join('\n'));
  });

  it('withholds content from a file the user excludes in arenalab.excludes', async () => {
    const { ctx, at } = setup(root, 'generated/a.ts', PLAIN_LINE);
    assert.deepEqual(texts(await suggestAt(ctx, URI, at)), [PLAIN_LINE]);
    ctx.clientSettings = { ...ctx.clientSettings, excludes: ['generated/**'] };
    assert.deepEqual(texts(await suggestAt(ctx, URI, at)), []);
  });
});
