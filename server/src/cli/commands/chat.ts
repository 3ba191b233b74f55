import type { Command } from 'commander';
import { AntiPatternMemory, ChatEngine, ConstitutionalReviewer, HashingEmbedder, systemClock } from '@arenalab/core';
import type { Cancellation, ChatMessage } from '@arenalab/core';
import { answerChat, redactionWarning } from '../../answering';
import { loadAntiPatterns, resolveStoreDir, saveAntiPatterns } from '../../store';
import { OpenAiCompatibleClient } from '../../llm';
import { addLlmOptions, llmSettingsFrom, type LlmOptions } from '../llmOptions';
import { loadChatSpans } from '../chatSpans';
import { formatChatAnswer } from '../formatChatAnswer';
import { printResult } from '../output';
import { withCliWork } from '../withCliWork';

interface ChatOptions extends LlmOptions {
  store?: string;
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

/** `arenalab chat "question"`: an answer by trajectory matching over the question/answer spans, with confidence and provenance. */
export function registerChatCommand(program: Command): void {
  const command = program
    .command('chat')
    .description('Answer a question from the question/answer spans (chat logs imported with `ingest --format chat`, or a dataset): the answer with its confidence, method, constitution review and the spans it came from. Answers rejected for their content are remembered in <store>/anti-patterns.json and block similar answers later.')
    .argument('<question>', 'the question')
    .option('--store <dir>', 'store directory (default: ./.arenalab); its spans are the memory unless --dataset is given')
    .option('--dataset <ref>', 'answer from this dataset of the store instead: NAME or NAME@VERSION')
    .option('--history <message>', 'an earlier user message of the conversation, oldest first (repeatable)', collect, [])
    .option('--json', 'print one JSON document');
  addLlmOptions(command, 'for medium-confidence synthesis (answered locally when it fails or times out)')
    .action(async (question: string, options: ChatOptions) => {
      const llm = llmFrom(options);
      const storeDir = resolveStoreDir(options.store);
      const result = await withCliWork(async (token, progress) => {
        const source = await loadChatSpans(storeDir, options.dataset, token, progress.phase('read spans'));
        const constitution = await reviewerFor(storeDir, token);
        const engine = await ChatEngine.create(source.spans, { clock: systemClock, llm, reviewer: constitution.reviewer }, token);
        const messages: ChatMessage[] = [...options.history, question].map((content) => ({ role: 'user', content }));
        // The chat path of the language server and the API (no tools here), so the answer, its sources and the text
        // a correction replaced (an LLM's reply with a key in it, say) leave with their secrets redacted.
        const reply = await answerChat(question, messages, { engine: () => Promise.resolve(engine), log: () => undefined }, token);
        if (reply.via !== 'engine') throw new Error('arenalab chat asks with no tools, so the chat engine answers');
        constitution.save();
        const warning = redactionWarning(reply);
        const notes = [...reply.engine.notes, ...(warning === undefined ? [] : [warning]), ...constitution.problems];
        return { ...reply.engine, notes, source: source.label, pairs: engine.size };
      });
      printResult(result, Boolean(options.json), formatChatAnswer);
    });
}
