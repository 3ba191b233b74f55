import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ChatEngine } from '../chat/chatEngine';
import { CompletionEngine } from '../completion/completionEngine';
import { importChat } from '../ingest/importChat';
import { CancelledError, neverCancelled } from '../ports/cancellation';
import { fixedClock } from '../ports/clock';
import { ChatEngineCreature } from './chatEngineCreature';
import { CreatureRequestError } from './creature';
import { WorkspaceCodeCreature } from './workspaceCodeCreature';

const CORPUS = path.resolve(__dirname, '../../../test-fixtures/chat/qa-corpus.jsonl');
const HANDLER = ['export function handle(request) {', '  const body = parse(request.body);', '  validate(body);', '  return respond(body);', '}'];

describe('creature adapters', () => {
  it('the workspace code creature answers a code request with the engine best candidate, 1-based sources and the others as alternatives', async () => {
    const engine = new CompletionEngine();
    engine.addFile('a.ts', 'typescript', HANDLER.join('\n'));
    engine.addFile('b.ts', 'typescript', ['// b', ...HANDLER].join('\n'));
    const creature = new WorkspaceCodeCreature({ clock: fixedClock(0), engine, languages: ['typescript'] });
    const prefix = `${HANDLER.slice(0, 2).join('\n')}\n`;
    const direct = engine.complete({ file: 'c.ts', language: 'typescript', prefix, suffix: '' });
    const prediction = await creature.predict({ kind: 'code', file: 'c.ts', language: 'typescript', prefix, suffix: '' }, neverCancelled);
    assert.equal(prediction.output, direct.candidates[0].text);
    assert.match(prediction.output, /validate\(body\);/);
    assert.equal(prediction.confidence, direct.candidates[0].confidence);
    assert.deepEqual(prediction.provenance.map((p) => [p.file, p.line]), direct.candidates[0].provenance.map((p) => [p.file, p.line! + 1]));
    assert.equal(prediction.alternatives.length, direct.candidates.length - 1);
    assert.deepEqual(prediction.cost, { latencyMs: 0, externalCalls: 0 });
    assert.deepEqual(creature.capabilities, ['code']);
    assert.deepEqual(creature.profile(), { languages: ['typescript'], domains: ['code/typescript'], actionTypes: [], size: engine.stats.windows, sizeUnit: 'windows', meanQuality: null, accuracyByDomain: {} });
    await assert.rejects(creature.predict({ kind: 'chat', messages: [{ role: 'user', content: 'hi' }] }, neverCancelled), CreatureRequestError);
    await assert.rejects(creature.predict({ kind: 'code', file: 'c.ts', language: 'typescript', prefix, suffix: '' }, { isCancelled: true }), CancelledError);
  });

  it('a dataset creature answers a chat request with the chat engine, its voters as sources and the other groups as alternatives', async () => {
    const spans = importChat(fs.readFileSync(CORPUS), 'qa-corpus.jsonl', 'chat', { defaultWhen: '2026-01-01T00:00:00.000Z' }).spans;
    const clock = fixedClock(0);
    const engine = await ChatEngine.create(spans, { clock }, neverCancelled);
    const creature = new ChatEngineCreature(engine, { id: 'qa@1.0.0', domains: ['software/git'], actionTypes: ['ask_question'], meanQuality: 84.5 }, clock);
    const messages = [{ role: 'user', content: 'How do I undo my last git commit and keep my changes?' }];
    const direct = await engine.answer({ messages });
    const prediction = await creature.predict({ kind: 'chat', messages }, neverCancelled);
    assert.equal(prediction.output, direct.text);
    assert.equal(prediction.method, direct.method);
    assert.deepEqual(prediction.provenance.map((p) => p.spanId), direct.provenance.map((p) => p.spanId));
    assert.deepEqual(prediction.alternatives.map((a) => a.output), direct.groups.slice(1).map((g) => g.answer));
    assert.equal(creature.profile().size, engine.size);
    assert.equal(creature.profile().meanQuality, 84.5);
    await assert.rejects(creature.predict({ kind: 'chat', messages: [{ role: 'system', content: 'be brief' }] }, neverCancelled), CreatureRequestError);
  });
});
