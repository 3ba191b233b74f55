import type { Command } from 'commander';
import { resolveLlmSettings, type LlmSettings } from '../llm';
import { parsePositiveInt } from './parsePositiveInt';

/** The `--llm-*` flags of every command that may use an external model; the key is never a flag. */
export interface LlmOptions {
  llmBaseUrl?: string;
  llmModel?: string;
  llmTimeoutMs?: number;
}

/** Adds the `--llm-*` flags, saying what the command uses the model for. */
export function addLlmOptions(command: Command, purpose: string): Command {
  return command
    .option('--llm-base-url <url>', `OpenAI-compatible endpoint ${purpose} (or ARENALAB_LLM_BASE_URL; key from ARENALAB_LLM_API_KEY)`)
    .option('--llm-model <name>', 'model name for --llm-base-url (or ARENALAB_LLM_MODEL)')
    .option('--llm-timeout-ms <n>', 'give up on the external model after this long', parsePositiveInt);
}

/**
 * The external model's settings from the flags, else from ARENALAB_LLM_BASE_URL / _MODEL; the key only from
 * ARENALAB_LLM_API_KEY (never argv, where other users can read it). Undefined when none is configured.
 */
export function llmSettingsFrom(options: LlmOptions, env: NodeJS.ProcessEnv = process.env): LlmSettings | undefined {
  return resolveLlmSettings({
    baseUrl: options.llmBaseUrl ?? env.ARENALAB_LLM_BASE_URL,
    model: options.llmModel ?? env.ARENALAB_LLM_MODEL,
    apiKey: env.ARENALAB_LLM_API_KEY,
    timeoutMs: options.llmTimeoutMs,
  });
}
