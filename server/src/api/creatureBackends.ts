import { redactSecrets } from '@arenalab/core';
import type { Cancellation, Creature, CreaturePrediction, SecretKind } from '@arenalab/core';
import type { ChatAnswer, ChatBackend } from './chatBackend';
import type { ChatTurn } from './chatRequest';
import type { CodeCompletion, CodeCompletionInput, CompletionBackend } from './completionBackend';
import { engineMessages } from './engineChatBackend';

function redacted(prediction: CreaturePrediction): { text: string; kinds: SecretKind[] } {
  const result = redactSecrets(prediction.output);
  return { text: result.text, kinds: (Object.keys(result.counts) as SecretKind[]).sort() };
}

/**
 * A core creature (the external model) as a chat creature of the API. What it answers is redacted like every other
 * chat answer (what it was sent was redacted before it left).
 */
export class CreatureChatBackend implements ChatBackend {
  constructor(private readonly creature: Creature) {}

  async answer(turns: readonly ChatTurn[], _options: unknown, cancellation: Cancellation): Promise<ChatAnswer> {
    const prediction = await this.creature.predict({ kind: 'chat', messages: engineMessages(turns) }, cancellation);
    const { text, kinds } = redacted(prediction);
    return { text, confidence: prediction.confidence, method: prediction.method, trajectoriesUsed: 0, provenance: [], creature: prediction.creature, ...(kinds.length > 0 ? { redactedSecrets: kinds } : {}) };
  }
}

/** A core creature (the external model) as a code-completion creature of the API: fill-in-the-middle, redacted. */
export class CreatureCompletionBackend implements CompletionBackend {
  constructor(private readonly creature: Creature) {}

  async complete(input: CodeCompletionInput, cancellation: Cancellation): Promise<CodeCompletion> {
    const prediction = await this.creature.predict({ kind: 'code', file: input.file ?? '<request>', language: 'plaintext', prefix: input.prefix, suffix: input.suffix }, cancellation);
    return { text: redacted(prediction).text, confidence: prediction.confidence, method: prediction.method, provenance: [] };
  }
}
