import type { ChatMessage } from '../ingest/chatConversation';
import type { Cancellation } from '../ports';

/** What a creature can be asked: to continue code at a cursor, or to answer a conversation. */
export type CreatureCapability = 'code' | 'chat';

/** Code to continue: the document around the cursor (as core's `CompletionRequest`). */
export interface CodePredictionRequest {
  kind: 'code';
  /** Workspace-relative path of the document, `/`-separated. */
  file: string;
  language: string;
  prefix: string;
  suffix: string;
}

/** A conversation to answer; the last `user` message is the question. */
export interface ChatPredictionRequest {
  kind: 'chat';
  messages: readonly ChatMessage[];
}

export type PredictionRequest = CodePredictionRequest | ChatPredictionRequest;

/** One place an answer came from: a file and 1-based line, a span, a commit, with how well it matched (0–1). */
export interface PredictionSource {
  file?: string;
  /** 1-based, as people and editors count lines. */
  line?: number;
  spanId?: string;
  commit?: string;
  /** How well the source matched the request, 0–1. */
  similarity: number;
  /** The source's text as quoted in the answer, when it quotes one. */
  snippet?: string;
}

/** Another output the creature considered, with its own confidence. */
export interface CreatureAlternative {
  output: string;
  confidence: number;
}

/** What answering cost: time on the host's clock and calls to models outside the machine (never hidden). */
export interface PredictionCost {
  latencyMs: number;
  externalCalls: number;
  /** Tokens an external model reported using, when it reports them. */
  externalTokens?: number;
}

/** One creature's answer. `output` is empty when it has none; `confidence` is then the best it found. */
export interface CreaturePrediction {
  creature: string;
  output: string;
  /** 0–1, on the scale of the creature's show threshold: at or above it, the output is worth showing. */
  confidence: number;
  /** How the output was made, e.g. the engine's `ngram-vote`, the chat engine's `majority`, `definition`, `not_sure`. */
  method: string;
  provenance: PredictionSource[];
  alternatives: CreatureAlternative[];
  cost: PredictionCost;
  /** Problems that did not stop the answer. */
  notes: string[];
}

/** Accuracy measured on held-out cases of one domain. */
export interface MeasuredAccuracy {
  accuracy: number;
  cases: number;
}

/** What a creature knows and how good it is; measured values stay empty until something measured them. */
export interface CreatureProfile {
  /** Language ids it has seen (`typescript`, `python`, …); empty for a creature that is not language-bound. */
  languages: string[];
  /** Domain paths of its memory (`code/typescript`, `software/git`, …). */
  domains: string[];
  /** Span action types (`did`) it answers from. */
  actionTypes: string[];
  /** How much it remembers, in `sizeUnit`s. */
  size: number;
  sizeUnit: string;
  /** Mean quality score (0–100) of its spans; null when its memory is not scored spans. */
  meanQuality: number | null;
  /** Per domain path; empty until measured. */
  accuracyByDomain: Record<string, MeasuredAccuracy>;
}

/** Every creature, whatever answers inside: one way to ask, one shape of answer. */
export interface Creature {
  /** Unique among the creatures of a host, e.g. `workspace`, `workspace-knowledge`, `team-qa@1.0.0`. */
  readonly id: string;
  readonly description: string;
  readonly capabilities: readonly CreatureCapability[];
  profile(): CreatureProfile;
  /** Throws `CreatureRequestError` for a request of a kind it lacks, `CancelledError` when cancelled. */
  predict(request: PredictionRequest, cancellation: Cancellation): Promise<CreaturePrediction>;
}

/** A request a creature cannot take (a chat question to a code-only creature, no question in the conversation). */
export class CreatureRequestError extends Error {
  constructor(readonly creature: string, message: string) {
    super(`${creature}: ${message}`);
    this.name = 'CreatureRequestError';
  }
}

/** Throws unless the creature has the capability the request needs. */
export function assertCapability(creature: Pick<Creature, 'id' | 'capabilities'>, request: PredictionRequest): void {
  if (!creature.capabilities.includes(request.kind)) {
    throw new CreatureRequestError(creature.id, `cannot answer a ${request.kind} request (it answers ${creature.capabilities.join(' and ')})`);
  }
}

/** The last non-empty user message of a conversation, or undefined. */
export function lastUserQuestion(messages: readonly ChatMessage[]): string | undefined {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i].role === 'user' && messages[i].content.trim() !== '') return messages[i].content;
  return undefined;
}

/** An empty measured-accuracy table, for creatures nothing has measured yet. */
export function notMeasured(): Record<string, MeasuredAccuracy> {
  return {};
}
