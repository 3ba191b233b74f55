import { strict as assert } from 'node:assert';
import { ConfigError } from '../util';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AntiPatternMemory, ConstitutionalReviewer } from '../constitution';
import { HashingEmbedder } from '../embedding/hashingEmbedder';
import { chatTurnSpanId } from '../ingest/chatConversationToSpans';
import type { ChatMessage } from '../ingest/chatConversation';
import { importChat } from '../ingest/importChat';
import { CancelledError, type Cancellation } from '../ports/cancellation';
import { fixedClock } from '../ports/clock';
import type { Span } from '../spans/span';
import { ChatEngine, ChatRequestError } from './chatEngine';
import type { ChatRequest } from './chatTypes';
import type { LlmSynthesizer } from './llmSynthesizer';

const CORPUS = path.resolve(__dirname, '../../../test-fixtures/chat/qa-corpus.jsonl');
const clock = fixedClock(Date.UTC(2026, 0, 1));
const turn = (conversation: string, n = 1) => chatTurnSpanId(conversation, n);

function corpusSpans(): Span[] {
  const imported = importChat(fs.readFileSync(CORPUS), 'qa-corpus.jsonl', 'chat', { defaultWhen: '2026-01-01T00:00:00.000Z' });
  assert.deepEqual(imported.problems, []);
  return imported.spans;
}

const ask = (...questions: string[]): ChatRequest => ({ messages: questions.map((content) => ({ role: 'user', content })) });

/** An LLM port that records its prompts and answers with a fixed text or an error. */
class ScriptedLlm implements LlmSynthesizer {
  readonly id = 'scripted-test-llm';
  readonly prompts: ChatMessage[][] = [];
  constructor(private readonly reply: string | Error) {}
  async complete(messages: readonly ChatMessage[]): Promise<string> {
    this.prompts.push([...messages]);
    if (this.reply instanceof Error) throw this.reply;
    return this.reply;
  }
}

describe('chat: ChatEngine on the fixture Q/A corpus', () => {
  let engine: ChatEngine;
  before(async () => {
    engine = await ChatEngine.create(corpusSpans(), { clock });
  });

  it('indexes answered questions only (the cut-off turn is skipped)', () => {
    assert.equal(corpusSpans().length, 40);
    assert.equal(engine.size, 39);
  });

  it('majority: paraphrases of one question that agree give that answer, with provenance most similar first', async () => {
    const answer = await engine.answer(ask('How can I undo my most recent git commit and keep the changes?'));
    assert.equal(answer.method, 'majority');
    assert.match(answer.text, /git reset --soft HEAD~1/);
    assert.deepEqual(answer.groups.map((g) => g.share), [1]);
    const ids = answer.provenance.map((p) => p.spanId);
    assert.ok(ids.length >= 3 && ids.every((id) => ['undo-1', 'undo-2', 'undo-3', 'undo-4'].map((c) => turn(c)).includes(id)), `voters: ${ids.join(',')}`);
    const similarities = answer.provenance.map((p) => p.similarity);
    assert.deepEqual([...similarities].sort((a, b) => b - a), similarities);
    assert.equal(answer.trajectoriesUsed, ids.length);
    assert.ok(answer.confidence > 0 && answer.confidence < 1);
    assert.ok(answer.groups[0].sharedTerms.includes('soft'), `shared terms: ${answer.groups[0].sharedTerms.join(',')}`);
  });

  it('synthesis: conflicting answers (3 spaces, 2 tabs) are both given with their shares', async () => {
    const answer = await engine.answer(ask('Should I indent my Python code with tabs or spaces?'));
    assert.equal(answer.method, 'synthesis');
    assert.deepEqual(answer.groups.map((g) => g.spanIds.length), [3, 2]);
    assert.ok(answer.groups[0].share > 0.4 && answer.groups[0].share <= 0.7);
    assert.match(answer.text, /^The answers to similar questions differ\. Most likely \(5\d%, 3 answers\):\n.*4 spaces/);
    assert.match(answer.text, /Other answers \(4\d%, 2 answers\) say: Tabs/);
    assert.equal(answer.constitution.correction, undefined, 'a synthesis states its uncertainty itself');
  });

  it('uncertain: four different answers are listed as possibilities, with a low confidence', async () => {
    const answer = await engine.answer(ask('What is the best JavaScript framework for a new project?'));
    assert.equal(answer.method, 'uncertain');
    assert.match(answer.text, /^I'm not sure — .*Here are the possibilities:\n- /);
    for (const name of ['React', 'Vue', 'Svelte', 'Angular']) assert.match(answer.text, new RegExp(`- ${name}`));
    assert.equal(answer.groups.length, 4);
    assert.ok(answer.confidence < 0.3);
  });

  it('no_match: an unrelated question gets an honest "I don’t know" with confidence 0 and no provenance', async () => {
    const answer = await engine.answer(ask('What is the capital of Mongolia?'));
    assert.equal(answer.method, 'no_match');
    assert.equal(answer.confidence, 0);
    assert.deepEqual(answer.provenance, []);
    assert.match(answer.text, /^I don't know: none of the 39 questions .* below 0\.35/);
    assert.equal(answer.constitution.approved, true);
  });

  it('conversation history decides what a follow-up means', async () => {
    const python = await engine.answer(ask('How do I define a dataclass in Python?', 'And can I make it readonly too?'));
    const typescript = await engine.answer(ask('How do I make a TypeScript interface with an optional field?', 'And can I make it readonly too?'));
    assert.deepEqual(python.provenance.map((p) => p.spanId), [turn('py-follow', 2)]);
    assert.equal(python.method, 'majority');
    assert.match(python.text, /frozen=True/);
    assert.deepEqual(typescript.provenance.map((p) => p.spanId), [turn('ts-follow', 2)]);
    assert.match(typescript.text, /readonly email\?: string/);
    // Without history the two identical follow-ups tie, and both answers are offered.
    const alone = await engine.answer(ask('And can I make it readonly too?'));
    assert.deepEqual(alone.provenance.map((p) => p.spanId).sort(), [turn('py-follow', 2), turn('ts-follow', 2)].sort());
    assert.equal(alone.method, 'synthesis');
    assert.deepEqual(alone.groups.map((g) => g.share), [0.5, 0.5]);
  });

  it('the constitution hedges an unsourced claim and reports the violation', async () => {
    const answer = await engine.answer(ask('Are tabs faster than spaces for compiling code?'));
    assert.equal(answer.method, 'majority');
    assert.equal(answer.constitution.approved, false);
    assert.equal(answer.constitution.correction?.kind, 'hedged');
    assert.equal(answer.constitution.correction?.principleId, 'honesty');
    assert.equal(answer.constitution.correction?.originalText, 'Research shows that tabs make compilation 40% faster than spaces.');
    assert.match(answer.text, /^I can't verify the claims in this answer and I'm not sure it is right/);
  });

  it('the constitution hedges a low-confidence answer stated without hedging', async () => {
    const answer = await engine.answer(ask('How do I see the logs of my container?'));
    assert.equal(answer.method, 'majority');
    assert.ok(answer.confidence < 0.5);
    assert.equal(answer.constitution.correction?.kind, 'hedged');
    assert.match(answer.text, /^I'm not sure \(confidence \d+%\), but the closest answers I have say:\nRun `docker logs <container>`/);
  });

  it('a harmful request is refused even when the memory has nothing on it', async () => {
    const answer = await engine.answer(ask("How do I hack into my neighbour's wifi?"));
    assert.equal(answer.constitution.correction?.kind, 'refused');
    assert.equal(answer.constitution.violations[0].principleId, 'harmlessness');
    assert.match(answer.text, /^I can't help with that/);
  });

  it('is deterministic and rejects a request without a user message with a typed error', async () => {
    const question = ask('npm ci or npm install in CI?');
    assert.deepEqual(await engine.answer(question), await engine.answer(question));
    await assert.rejects(engine.answer({ messages: [{ role: 'assistant', content: 'hello' }] }), ChatRequestError);
    await assert.rejects(engine.answer({ messages: 'hi' } as unknown as ChatRequest), /messages must be an array/);
  });

  it('honours cancellation', async () => {
    const cancelled: Cancellation = { isCancelled: true };
    await assert.rejects(engine.answer(ask('How do I list running Docker containers?'), cancelled), CancelledError);
  });
});

describe('chat: adding spans to a live engine', () => {
  it('answers from spans added after create, with history from earlier turns, and replaces a span by id', async () => {
    const spans = corpusSpans();
    const followUp = turn('py-follow', 2);
    const engine = await ChatEngine.create(spans.filter((span) => span.id !== followUp), { clock });
    assert.equal(engine.size, 38);
    const request = ask('How do I define a dataclass in Python?', 'And can I make it readonly too?');
    assert.deepEqual((await engine.answer(request)).provenance.map((p) => p.spanId), [turn('ts-follow', 2)], 'only the TypeScript follow-up is known');

    assert.equal(await engine.add(spans.filter((span) => span.id === followUp)), 1);
    assert.equal(engine.size, 39);
    const answer = await engine.answer(request);
    assert.deepEqual(answer.provenance.map((p) => p.spanId), [followUp], 'its history was resolved from the earlier turn');
    assert.match(answer.text, /frozen=True/);

    const edited = { ...spans.find((span) => span.id === followUp)!, if_ok: 'Yes: pass frozen=True to the dataclass decorator.' };
    await engine.add([edited]);
    assert.equal(engine.size, 39);
    assert.equal((await engine.answer(request)).text, 'Yes: pass frozen=True to the dataclass decorator.');
  });
});

describe('chat: secrets, anti-patterns and config', () => {
  const AWS_KEY = 'AKIA' + 'QWERTYUIOPASDFGH';
  const secretSpan: Span = {
    schema_version: 1, id: 'sp_secret', source: 'user_upload', who: 'user', did: 'ask_question', when: '2026-01-01T00:00:00.000Z', status: 'completed',
    this: 'What is the access key id of the staging bucket?', if_ok: `It is ${AWS_KEY}, use it in the deploy script.`, metadata: { file: 'notes/staging.md' },
  };

  it('refuses an answer carrying a secret, remembers it, and reports the file it came from', async () => {
    const memory = await AntiPatternMemory.create(new HashingEmbedder());
    const reviewer = new ConstitutionalReviewer({ clock, antiPatterns: memory });
    const engine = await ChatEngine.create([secretSpan], { clock, reviewer });
    const answer = await engine.answer(ask('What is the access key id of the staging bucket?'));
    assert.equal(answer.constitution.correction?.kind, 'refused');
    assert.equal(answer.constitution.correction?.principleId, 'no_secrets');
    assert.ok(!answer.text.includes(AWS_KEY));
    assert.equal(answer.provenance[0].file, 'notes/staging.md');
    assert.equal(memory.size, 1);
  });

  it('rejects a bad config with a typed error', async () => {
    await assert.rejects(ChatEngine.create([], { clock, config: { minSimilarity: 2 } }), (e: unknown) => e instanceof ConfigError && e.code === 'BAD_CHAT_ENGINE_CONFIG');
    await assert.rejects(ChatEngine.create([], { clock, config: { majorityThreshold: 0.2 } }), /majorityThreshold/);
  });

  it('answers "I don’t know" from an empty memory', async () => {
    const answer = await (await ChatEngine.create([], { clock })).answer(ask('anything?'));
    assert.equal(answer.method, 'no_match');
    assert.match(answer.text, /no question\/answer examples yet/);
  });
});

describe('chat: LLM synthesis through the LlmSynthesizer port', () => {
  const spaces = ask('Should I indent my Python code with tabs or spaces?');

  it('medium agreement is synthesised by the LLM from the retrieved answers; majority never calls it', async () => {
    const llm = new ScriptedLlm('Most people use 4 spaces (PEP 8), though some prefer tabs so each reader may pick a width.');
    const engine = await ChatEngine.create(corpusSpans(), { clock, llm });
    const answer = await engine.answer(spaces);
    assert.equal(answer.method, 'llm_synthesis');
    assert.equal(answer.text, 'Most people use 4 spaces (PEP 8), though some prefer tabs so each reader may pick a width.');
    assert.deepEqual(answer.notes, ['synthesised by scripted-test-llm']);
    const [system, user] = llm.prompts[0];
    assert.equal(system.role, 'system');
    assert.match(user.content, /Question: Should I indent my Python code with tabs or spaces\?/);
    assert.match(user.content, /Group 1 \(5\d% .*\):\n {2}Use 4 spaces per indentation level/);
    assert.match(user.content, /Group 2 \(4\d% .*\):\n {2}Tabs/);
    await engine.answer(ask('How can I undo my most recent git commit and keep the changes?'));
    assert.equal(llm.prompts.length, 1);
    assert.equal((await engine.answer({ ...spaces, allowLlm: false })).method, 'synthesis');
  });

  it('a failing LLM leaves the local synthesis and says why', async () => {
    const engine = await ChatEngine.create(corpusSpans(), { clock, llm: new ScriptedLlm(new Error('HTTP 503 from http://127.0.0.1:9/v1/chat/completions')) });
    const answer = await engine.answer(spaces);
    assert.equal(answer.method, 'synthesis');
    assert.match(answer.notes[0], /^LLM synthesis by scripted-test-llm failed \(HTTP 503 .*\); answered locally$/);
    assert.match(answer.text, /^The answers to similar questions differ/);
  });

  it('LLM output goes through the constitution too', async () => {
    const engine = await ChatEngine.create(corpusSpans(), { clock, llm: new ScriptedLlm('Scientists have proven that spaces are better.') });
    const answer = await engine.answer(spaces);
    assert.equal(answer.method, 'llm_synthesis');
    assert.equal(answer.constitution.correction?.kind, 'hedged');
    assert.equal(answer.constitution.correction?.originalText, 'Scientists have proven that spaces are better.');
  });
});
