import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { startServe, type RunningServe } from './apiTestSupport';

// `arenalab serve --workspace DIR` alone, on this repository (the checkout the tests run in): chat about the code
// from the workspace knowledge creature, with no dataset and no store.
const repoRoot = path.resolve(__dirname, '../../..');

interface ChatBody {
  choices: { message: { content: string } }[];
  arenalab: { method: string; confidence: number; answered_by?: string; provenance: { file?: string; line?: number; snippet?: string }[] };
}

async function chat(serve: RunningServe, model: string, question: string): Promise<ChatBody> {
  const response = await fetch(`${serve.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model, messages: [{ role: 'user', content: question }] }) });
  const text = await response.text();
  assert.equal(response.status, 200, text);
  return JSON.parse(text) as ChatBody;
}

describe('arenalab serve --workspace (real process): chat from the workspace knowledge creature', function () {
  this.timeout(180_000);
  let serve: RunningServe;

  before(async () => {
    serve = await startServe(['--workspace', repoRoot, '--store', path.join(repoRoot, 'server', 'out', '.no-store-here'), '--rate-per-minute', '0'], {});
  });

  after(async () => {
    serve?.kill('SIGTERM');
    await serve?.exited;
  });

  it('/v1/models lists the workspace creature (completion and chat) and the workspace knowledge creature with its profile', async () => {
    type Model = { id: string; arenalab: { capabilities: string[]; profile?: { languages: string[]; size: number; sizeUnit: string; accuracyByDomain: object } } };
    const listed = ((await (await fetch(`${serve.url}/v1/models`)).json()) as { data: Model[] }).data;
    assert.deepEqual(listed.map((m) => m.id), ['workspace', 'workspace-knowledge']);
    assert.deepEqual(listed[0].arenalab.capabilities, ['chat', 'completion']);
    const profile = listed[1].arenalab.profile!;
    assert.ok(profile.languages.includes('typescript'));
    assert.equal(profile.sizeUnit, 'lines');
    assert.ok(profile.size > 1000);
    assert.deepEqual(profile.accuracyByDomain, {}, 'nothing measured yet');
  });

  it("answers where the span store's fsync is with the file and a line of it", async () => {
    const body = await chat(serve, 'workspace-knowledge', "where is the span store's fsync?");
    assert.equal(body.arenalab.method, 'code_search');
    const first = body.arenalab.provenance[0];
    assert.equal(first.file, 'server/src/store/spanStore.ts');
    assert.match(first.snippet ?? '', /fsync/);
    assert.ok(body.choices[0].message.content.includes(`server/src/store/spanStore.ts:${first.line}`));
  });

  it('answers model workspace too, naming the creature that answered', async () => {
    const body = await chat(serve, 'workspace', 'How do I run the tests?');
    assert.equal(body.arenalab.method, 'build_command');
    assert.equal(body.arenalab.answered_by, 'workspace-knowledge');
    assert.match(body.choices[0].message.content, /`npm test` \(npm script, package\.json:\d+\)/);
  });

  it('says it is not sure about what the repository does not hold', async () => {
    // The served folder holds this file, so the word asked about is put together here and appears nowhere whole.
    const nothing = ['zq', 'vx', 'kw'].join('');
    const body = await chat(serve, 'workspace-knowledge', `How do I tune the ${nothing} of a ${nothing}?`);
    assert.equal(body.arenalab.method, 'not_sure');
    assert.match(body.choices[0].message.content, /^I'm not sure/);
  });
});
