import { ChatEngine } from '../chat/chatEngine';
import type { ChatEngineConfig } from '../chat/chatEngineConfig';
import type { ChatMethod } from '../chat/chatTypes';
import { HashingEmbedder } from '../embedding/hashingEmbedder';
import { ASK_QUESTION } from '../ingest/chatConversationToSpans';
import { throwIfCancelled, yieldToHost, type Cancellation } from '../ports/cancellation';
import type { Clock } from '../ports/clock';
import type { Progress } from '../ports/progress';
import { seededRandom } from '../ports/random';
import { SPAN_SCHEMA_VERSION, type Span } from '../spans/span';
import { sha256Hex } from '../util/sha256';
import { expectedCalibrationError } from './calibration';
import type { McItem } from './qaItem';
import { scoreChoices } from './scoreChoices';

export interface McBenchOptions {
  /** Confidence at or above which a question counts as answered; below it the engine says "I don't know". @default 0.5 */
  threshold: number;
  /** Seed of the tie-breaking between equally likely choices. */
  seed: number;
  /** Time stamp of the memory spans. */
  clock: Clock;
  engineConfig?: Partial<ChatEngineConfig>;
}

export interface McBenchResult {
  memory: number;
  test: number;
  /** Share of test questions whose chosen choice is correct, every question answered (forced choice). */
  accuracy: number;
  /** 95% Wilson score interval of `accuracy`: on a few hundred questions it is wide, and comparisons must say so. */
  accuracy_ci95: [number, number];
  /** Expected accuracy of a uniform random pick: mean of correct choices / choices. */
  chance: number;
  /** Share of test questions answered at the threshold (the rest are "I don't know"). */
  coverage: number;
  /** Accuracy among the answered ones; null when none was answered. */
  answered_accuracy: number | null;
  /** 10-bin expected calibration error of the chosen choice's probability. */
  ece: number;
  /** How the chat engine answered (majority, synthesis, uncertain, no_match …). */
  methods: Partial<Record<ChatMethod, number>>;
  per_subject: Record<string, { test: number; accuracy: number }>;
}

const round = (value: number) => Math.round(value * 10000) / 10000;

/** A memory item as the question/answer span an imported chat would give. */
export function mcMemorySpan(item: McItem, when: string): Span {
  return {
    schema_version: SPAN_SCHEMA_VERSION,
    id: `sp_${sha256Hex(`bench:${item.id}`).slice(0, 24)}`,
    source: 'api_import',
    who: 'benchmark',
    did: ASK_QUESTION,
    this: item.question,
    when,
    status: 'completed',
    if_ok: item.memoryAnswer,
    context: { environment: item.subject },
    metadata: { benchmark_item: item.id },
  };
}

/**
 * A multiple-choice benchmark answered by the chat engine: memory = the given items (dev/validation only), each
 * test question asked as a chat question, the answer mapped to a choice by `scoreChoices`. It measures retrieval
 * over the memory; it has no knowledge beyond it.
 */
export async function runMcBenchmark(memory: readonly McItem[], test: readonly McItem[], options: McBenchOptions, token: Cancellation, progress: Progress): Promise<McBenchResult> {
  const when = new Date(options.clock.now()).toISOString();
  const embedder = new HashingEmbedder();
  embedder.fit(memory.flatMap((item) => [item.question, item.memoryAnswer]), token);
  const engine = await ChatEngine.create(memory.map((item) => mcMemorySpan(item, when)), { clock: options.clock, embedder, config: options.engineConfig }, token);
  const random = seededRandom(options.seed);
  const points: { subject: string; confidence: number; correct: boolean; answered: boolean; chance: number }[] = [];
  const methods: Partial<Record<ChatMethod, number>> = {};
  for (const item of test) {
    if (points.length % 50 === 0) {
      progress.report(points.length, test.length);
      await yieldToHost();
      throwIfCancelled(token, 'qa benchmark');
    }
    const answer = await engine.answer({ messages: [{ role: 'user', content: item.question }], allowLlm: false }, token);
    const score = await scoreChoices(answer, item.choices, embedder, random, token);
    methods[answer.method] = (methods[answer.method] ?? 0) + 1;
    const answered = answer.method !== 'no_match' && score.confidence >= options.threshold;
    points.push({ subject: item.subject, confidence: score.confidence, correct: item.correct.includes(score.chosen), answered, chance: item.correct.length / item.choices.length });
  }
  progress.report(points.length, test.length);
  return summarize(memory.length, points, methods);
}

function summarize(memory: number, points: { subject: string; confidence: number; correct: boolean; answered: boolean; chance: number }[], methods: McBenchResult['methods']): McBenchResult {
  const n = points.length;
  const share = (count: number, of: number) => (of === 0 ? 0 : round(count / of));
  const answered = points.filter((p) => p.answered);
  const perSubject: McBenchResult['per_subject'] = {};
  for (const subject of [...new Set(points.map((p) => p.subject))].sort()) {
    const own = points.filter((p) => p.subject === subject);
    perSubject[subject] = { test: own.length, accuracy: share(own.filter((p) => p.correct).length, own.length) };
  }
  return {
    memory,
    test: n,
    accuracy: share(points.filter((p) => p.correct).length, n),
    accuracy_ci95: wilsonInterval(points.filter((p) => p.correct).length, n),
    chance: n === 0 ? 0 : round(points.reduce((sum, p) => sum + p.chance, 0) / n),
    coverage: share(answered.length, n),
    answered_accuracy: answered.length === 0 ? null : share(answered.filter((p) => p.correct).length, answered.length),
    ece: round(expectedCalibrationError(points)),
    methods,
    per_subject: perSubject,
  };
}

/** The 95% Wilson score interval of a proportion (z = 1.96); [0, 1] when there is nothing to measure. */
export function wilsonInterval(successes: number, trials: number): [number, number] {
  if (trials === 0) return [0, 1];
  const z = 1.96;
  const p = successes / trials;
  const centre = (p + (z * z) / (2 * trials)) / (1 + (z * z) / trials);
  const half = (z / (1 + (z * z) / trials)) * Math.sqrt((p * (1 - p)) / trials + (z * z) / (4 * trials * trials));
  return [round(Math.max(0, centre - half)), round(Math.min(1, centre + half))];
}
