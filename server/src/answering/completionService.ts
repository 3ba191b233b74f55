import type { CompleteOptions, CompletionEngine, CompletionRequest, CompletionResult } from '@arenalab/core';
import type { WithheldCandidate, WorkspaceConstitution } from './workspaceConstitution';

export interface ServiceCompleteOptions extends CompleteOptions {
  /** The engine's pause between search phases (the language server reads pending input there); core's default otherwise. */
  pause?: () => Promise<void>;
}

/** The engine's result with only the candidates the constitution allows. */
export interface CheckedCompletions extends CompletionResult {
  /** One entry per candidate the constitution withheld, best first. */
  withheld: WithheldCandidate[];
}

/**
 * The one way a completion reaches a person: the language server, `arenalab serve`'s /v1/completions and
 * `arenalab complete` all ask here, so none of them can show a candidate the constitution withholds (a secret,
 * content of an excluded file, harm, a remembered violation). The engine pauses between its search phases, so a
 * cancellation or a time budget is seen while it searches; the constitution reads the same cancellation.
 */
export class CompletionService {
  constructor(readonly engine: CompletionEngine, readonly constitution: WorkspaceConstitution) {}

  async complete(request: CompletionRequest, options: ServiceCompleteOptions = {}): Promise<CheckedCompletions> {
    const { pause, ...engineOptions } = options;
    const result = await this.engine.completeInterruptibly(request, engineOptions, pause);
    const { allowed, withheld } = await this.constitution.reviewCompletions(result.candidates, { prefix: request.prefix, language: request.language }, options.token);
    return { ...result, candidates: allowed, withheld };
  }
}
