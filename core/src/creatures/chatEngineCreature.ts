import type { ChatEngine } from '../chat/chatEngine';
import type { Cancellation, Clock } from '../ports';
import { assertCapability, CreatureRequestError, notMeasured } from './creature';
import type { Creature, CreatureCapability, CreaturePrediction, CreatureProfile, PredictionRequest } from './creature';

/** What is known of the dataset a chat engine answers from. */
export interface DatasetDescription {
  /** `name@version`. */
  id: string;
  /** Domain paths of its spans. */
  domains: readonly string[];
  /** Span action types (`did`) of its spans. */
  actionTypes: readonly string[];
  /** Mean quality score (0–100) of its spans, as the dataset's stats say. */
  meanQuality: number | null;
}

/**
 * A dataset creature: today's `ChatEngine` over one dataset's question/answer spans, through the creature interface.
 * The winning answer is the output, the other answer groups are the alternatives (with their share of the vote as
 * confidence), each voting span is a source.
 */
export class ChatEngineCreature implements Creature {
  readonly capabilities: readonly CreatureCapability[] = ['chat'];
  readonly id: string;
  readonly description: string;

  constructor(private readonly engine: ChatEngine, private readonly dataset: DatasetDescription, private readonly clock: Clock) {
    this.id = dataset.id;
    this.description = `chat: ChatEngine over the ${engine.size} answered questions of dataset ${dataset.id}`;
  }

  profile(): CreatureProfile {
    return {
      languages: [],
      domains: [...this.dataset.domains].sort(),
      actionTypes: [...this.dataset.actionTypes].sort(),
      size: this.engine.size,
      sizeUnit: 'answered questions',
      meanQuality: this.dataset.meanQuality,
      accuracyByDomain: notMeasured(),
    };
  }

  async predict(request: PredictionRequest, cancellation: Cancellation): Promise<CreaturePrediction> {
    assertCapability(this, request);
    if (request.kind !== 'chat') throw new CreatureRequestError(this.id, 'answers chat only');
    if (!request.messages.some((m) => m.role === 'user' && m.content.trim() !== '')) throw new CreatureRequestError(this.id, 'the conversation has no user message to answer');
    const started = this.clock.now();
    const answer = await this.engine.answer({ messages: [...request.messages] }, cancellation);
    return {
      creature: this.id,
      output: answer.text,
      confidence: answer.confidence,
      method: answer.method,
      provenance: answer.provenance.map((p) => ({ spanId: p.spanId, similarity: p.similarity, snippet: p.snippet, ...(p.file !== undefined ? { file: p.file } : {}) })),
      alternatives: answer.groups.slice(1).map((g) => ({ output: g.answer, confidence: g.share })),
      cost: { latencyMs: this.clock.now() - started, externalCalls: answer.method === 'llm_synthesis' ? 1 : 0 },
      notes: answer.notes,
    };
  }
}
