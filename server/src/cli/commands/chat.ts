import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { AntiPatternMemory, ChatEngine, ConstitutionalReviewer, HashingEmbedder, systemClock } from '@arenalab/core';
import type { Cancellation, ChatMessage } from '@arenalab/core';
import { answerChat, redactionWarning, type ChatReply } from '../../answering';
import { openWorkspaceKnowledge } from '../../creatures';
import { LOG_FILE_NAME, loadAntiPatterns, resolveStoreDir, saveAntiPatterns } from '../../store';
import { OpenAiCompatibleClient } from '../../llm';
import { addLlmOptions, llmSettingsFrom, type LlmOptions } from '../llmOptions';
import { loadChatSpans } from '../chatSpans';
import { formatChatAnswer } from '../formatChatAnswer';
import { printResult } from '../output';
import { withCliWork } from '../withCliWork';

interface ChatOptions extends LlmOptions {
  store?: string;
  workspace?: string;
  dataset?: string;
  history: string[];
  json?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** The LLM for medium-confidence synthesis, when one is configured (`llmSettingsFrom`). */
function llmFrom(options: ChatOptions): OpenAiCompatibleClient | undefined {
  const settings = llmSettingsFrom(options);
  return settings ? new OpenAiCompatibleClient(settings, { env: process.env }) : undefined;
}

/**
 * The constitution with the store's remembered violations. The anti-pattern embedder is the unfitted hashing
 * embedder, so similarities do not shift as the memory grows.
 */
async function reviewerFor(storeDir: string, token: Cancellation) {
  const loaded = loadAntiPatterns(storeDir);
  const antiPatterns = await AntiPatternMemory.create(new HashingEmbedder(), loaded.records, token);
  const save = () => {
    if (loaded.writable && antiPatterns.size > loaded.records.length) saveAntiPatterns(storeDir, antiPatterns.list());
  };
  return { reviewer: new ConstitutionalReviewer({ clock: systemClock, antiPatterns }), problems: loaded.problems, save };
}

/** The answer as the command prints it: the engine's, or the workspace knowledge creature's in the same shape. */
function shownAnswer(reply: ChatReply) {
  if (reply.via === 'tool') throw new Error('arenalab chat asks with no tools, so the chat engine answers');
  if (reply.via === 'engine') return reply.engine;
  const k = reply.knowledge;
  return {
    text: k.output, confidence: k.confidence, method: k.method, trajectoriesUsed: 0, groups: [], notes: k.notes, constitution: k.constitution,
    reasoning: `Answered from the workspace's code by ${k.creature}: the stored answers were not confident.`,
    provenance: k.provenance.map((p) => ({ spanId: p.commit ?? `${p.file ?? ''}:${p.line ?? 0}`, similarity: p.similarity, question: p.snippet ?? '', snippet: p.snippet ?? '', ...(p.file !== undefined ? { file: p.file } : {}) })),
  };
}

/** `arenalab chat "question"`: an answer by trajectory matching over the question/answer spans, with confidence and provenance. */
export function registerChatCommand(program: Command): void {
  const command = program
    .command('chat')
    .description('Answer a question from the question/answer spans (chat logs imported with `ingest --format chat`, or a dataset): the answer with its confidence, method, constitution review and the spans it came from. Answers rejected for their content are remembered in <store>/anti-patterns.json and block similar answers later.')
    .argument('<question>', 'the question')
    .option('--store <dir>', 'store directory (default: ./.arenalab); its spans are the memory unless --dataset is given')
    .option('--dataset <ref>', 'answer from this dataset of the store instead: NAME or NAME@VERSION')
    .option('--workspace <dir>', 'when the stored answers are not confident, answer from the code of this folder (the workspace knowledge creature)')
    .option('--history <message>', 'an earlier user message of the conversation, oldest first (repeatable)', collect, [])
    .option('--json', 'print one JSON document');
  addLlmOptions(command, 'for medium-confidence synthesis (answered locally when it fails or times out)')
    .action(async (question: string, options: ChatOptions) => {
      const llm = llmFrom(options);
      const storeDir = resolveStoreDir(options.store);
      const result = await withCliWork(async (token, progress) => {
        // A fresh workspace has no store yet; with --workspace its code can still answer.
        const fresh = options.workspace !== undefined && options.dataset === undefined && !fs.existsSync(path.join(storeDir, LOG_FILE_NAME));
        const source = fresh ? { spans: [], label: `no store yet at ${storeDir}` } : await loadChatSpans(storeDir, options.dataset, token, progress.phase('read spans'));
        const constitution = await reviewerFor(storeDir, token);
        const engine = await ChatEngine.create(source.spans, { clock: systemClock, llm, reviewer: constitution.reviewer }, token);
        const messages: ChatMessage[] = [...options.history, question].map((content) => ({ role: 'user', content }));
        // The chat path of the language server and the API (no tools here), so the answer, its sources and the text
        // a correction replaced (an LLM's reply with a key in it, say) leave with their secrets redacted.
        const workspace = options.workspace;
        const knowledge = workspace === undefined ? undefined : { creature: await openWorkspaceKnowledge(workspace, { clock: systemClock }, token), reviewer: constitution.reviewer };
        const reply = await answerChat(question, messages, { engine: () => Promise.resolve(engine), log: () => undefined, ...(knowledge ? { knowledge: () => Promise.resolve(knowledge) } : {}) }, token);
        constitution.save();
        const warning = redactionWarning(reply);
        const answer = shownAnswer(reply);
        const notes = [...answer.notes, ...(warning === undefined ? [] : [warning]), ...constitution.problems];
        return { ...answer, notes, source: reply.via === 'knowledge' ? `the code of ${workspace}` : source.label, pairs: engine.size };
      });
      printResult(result, Boolean(options.json), formatChatAnswer);
    });
}
