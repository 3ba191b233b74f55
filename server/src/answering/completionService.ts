import type { CompleteOptions, CompletionCandidate, CompletionEngine, CompletionRequest, CompletionResult } from '@arenalab/core';
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
    const context = { prefix: request.prefix, language: request.language };
    const { allowed, withheld } = await this.constitution.reviewCompletions(result.candidates, context, options.token);
    // A block the constitution withholds keeps its first lines when they pass on their own (a secret on its third line
    // does not hide the two ordinary lines above it); the withheld entry stays, so the log still says why.
    const candidates: CompletionCandidate[] = [];
    for (const candidate of result.candidates) {
      const shown = allowed.includes(candidate) ? candidate : await this.allowedLines(candidate, context, options);
      if (shown) candidates.push(shown);
    }
    return { ...result, candidates, withheld };
  }

  /** The longest first lines of a multi-line candidate that the constitution allows, or undefined. */
  private async allowedLines(candidate: CompletionCandidate, context: { prefix: string; language: string }, options: ServiceCompleteOptions): Promise<CompletionCandidate | undefined> {
    const lines = candidate.text.split('\n');
    for (let n = lines.length - 1; n >= 1; n--) {
      const shorter = { ...candidate, text: lines.slice(0, n).join('\n') };
      if ((await this.constitution.reviewCompletions([shorter], context, options.token)).allowed.length === 1) return shorter;
    }
    return undefined;
  }
}
