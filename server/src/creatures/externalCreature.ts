import { redactSecrets } from '@arenalab/core';
import type { Cancellation, ChatMessage, Clock, Creature, CreatureCapability, CreaturePrediction, CreatureProfile, PredictionRequest, RedactionConfig } from '@arenalab/core';
import { LlmError, OpenAiEndpoint, type LlmSettings, type ProxyConfig } from '../llm';

// An external model says nothing of how sure it is; until outcomes measure it, its answers stand at this prior,
// below the local creatures' confident answers and above their "not sure".
const UNMEASURED_CONFIDENCE = 0.5;

export interface ExternalCreatureOptions {
  clock: Clock;
  proxy?: ProxyConfig;
  redaction?: RedactionConfig;
  /** @default `external` */
  id?: string;
}

/** What leaves the machine for a chat request: the conversation with every secret replaced by `<redacted:KIND>`. */
export function outgoingMessages(messages: readonly ChatMessage[], config?: RedactionConfig): { role: string; content: string }[] {
  return messages.map(({ role, content }) => ({ role, content: redactSecrets(content, config).text }));
}

/** What leaves the machine for a fill-in-the-middle request: the code before and after the cursor, redacted. */
export function outgoingCode(prefix: string, suffix: string, config?: RedactionConfig): { prompt: string; suffix: string } {
  return { prompt: redactSecrets(prefix, config).text, suffix: redactSecrets(suffix, config).text };
}

interface OpenAiAnswer {
  choices?: { text?: unknown; message?: { content?: unknown } }[];
  usage?: { total_tokens?: unknown };
  /** Another `arenalab serve` says how sure it is, and why. */
  arenalab?: { confidence?: unknown; method?: unknown };
}

/**
 * Any OpenAI-compatible server as a creature (Ollama, a llama.cpp server, vLLM, another `arenalab serve`): chat
 * through `/chat/completions`, code through `/completions` with `suffix` (fill-in-the-middle). Only made when the
 * user configured it (`arenalab.llm.*`, `--llm-base-url`); the settings' timeout and the caller's cancellation abort
 * a request; every secret of what is sent is redacted first. The answer's confidence is the server's own when it is
 * an `arenalab serve` (its `arenalab.confidence`), else an unmeasured prior of 0.5.
 */
export class ExternalCreature implements Creature {
  readonly capabilities: readonly CreatureCapability[] = ['chat', 'code'];
  readonly id: string;
  readonly description: string;
  private readonly endpoint: OpenAiEndpoint;

  constructor(private readonly settings: LlmSettings, private readonly options: ExternalCreatureOptions) {
    this.id = options.id ?? 'external';
    this.description = `external model ${settings.model} at ${settings.baseUrl} (chat: /chat/completions, code: /completions with suffix)`;
    this.endpoint = new OpenAiEndpoint(settings, options.proxy ?? { env: {} });
  }

  profile(): CreatureProfile {
    return { languages: [], domains: [], actionTypes: [], size: 0, sizeUnit: 'unknown (external)', meanQuality: null, accuracyByDomain: {} };
  }

  async predict(request: PredictionRequest, cancellation: Cancellation): Promise<CreaturePrediction> {
    const started = this.options.clock.now();
    const common = { model: this.settings.model, max_tokens: this.settings.maxTokens, temperature: this.settings.temperature, stream: false };
    const answer = request.kind === 'chat'
      ? ((await this.endpoint.post('/chat/completions', { ...common, messages: outgoingMessages(request.messages, this.options.redaction) }, cancellation)) as OpenAiAnswer)
      : ((await this.endpoint.post('/completions', { ...common, ...outgoingCode(request.prefix, request.suffix, this.options.redaction) }, cancellation)) as OpenAiAnswer);
    const choice = answer.choices?.[0];
    const text = request.kind === 'chat' ? choice?.message?.content : choice?.text;
    const route = request.kind === 'chat' ? '/chat/completions' : '/completions';
    if (typeof text !== 'string') throw new LlmError('LLM_BAD_RESPONSE', `${this.settings.baseUrl}${route} answered without choices[0].${request.kind === 'chat' ? 'message.content' : 'text'}`);
    const reported = typeof answer.arenalab?.confidence === 'number' ? answer.arenalab.confidence : undefined;
    const tokens = typeof answer.usage?.total_tokens === 'number' ? { externalTokens: answer.usage.total_tokens } : {};
    return {
      creature: this.id,
      output: text,
      confidence: Math.max(0, Math.min(1, reported ?? UNMEASURED_CONFIDENCE)),
      method: typeof answer.arenalab?.method === 'string' ? `external:${answer.arenalab.method}` : 'external',
      provenance: [],
      alternatives: [],
      cost: { latencyMs: this.options.clock.now() - started, externalCalls: 1, ...tokens },
      notes: [`answered by ${this.settings.model} at ${this.settings.baseUrl}${route}`, ...(reported === undefined ? ['confidence not reported by the server: the unmeasured prior'] : [])],
    };
  }
}
