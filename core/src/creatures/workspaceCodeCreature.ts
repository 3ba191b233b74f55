import type { CompleteOptions, CompletionRequest, CompletionResult } from '../completion';
import type { CompletionEngine } from '../completion/completionEngine';
import type { Cancellation, Clock } from '../ports';
import { assertCapability, CreatureRequestError, notMeasured } from './creature';
import type { Creature, CreatureCapability, CreaturePrediction, CreatureProfile, PredictionRequest } from './creature';

export const WORKSPACE_CODE_ID = 'workspace';

/**
 * What completes code for the creature: the engine itself, or a host's path around it that also applies the
 * constitution (the server's `CompletionService`). Same request and result as the engine's.
 */
export interface CodeCompleter {
  complete(request: CompletionRequest, options: CompleteOptions): Promise<CompletionResult>;
}

/** The engine as a completer: its interruptible search, cancellable between phases. */
export function engineCompleter(engine: CompletionEngine): CodeCompleter {
  return { complete: (request, options) => engine.completeInterruptibly(request, options) };
}

export interface WorkspaceCodeOptions {
  clock: Clock;
  /** The indexed engine, for its size. */
  engine: CompletionEngine;
  /** Defaults to the engine itself; a host passes its constitution-checked path. */
  completer?: CodeCompleter;
  /** Language ids of the indexed files. */
  languages: readonly string[];
  id?: string;
}

/**
 * The workspace code creature: the completion engine's trajectory matching over the indexed workspace, seen through
 * the creature interface. Its best candidate is the output and the others are the alternatives; each source is a
 * file and 1-based line of the workspace.
 */
export class WorkspaceCodeCreature implements Creature {
  readonly capabilities: readonly CreatureCapability[] = ['code'];
  readonly id: string;
  private readonly completer: CodeCompleter;

  constructor(private readonly options: WorkspaceCodeOptions) {
    this.id = options.id ?? WORKSPACE_CODE_ID;
    this.completer = options.completer ?? engineCompleter(options.engine);
  }

  get description(): string {
    const { files, windows } = this.options.engine.stats;
    return `code completion: continuations voted over ${files} files (${windows} windows)`;
  }

  profile(): CreatureProfile {
    return {
      languages: [...this.options.languages].sort(),
      domains: this.options.languages.map((language) => `code/${language}`).sort(),
      actionTypes: [],
      size: this.options.engine.stats.windows,
      sizeUnit: 'windows',
      meanQuality: null,
      accuracyByDomain: notMeasured(),
    };
  }

  async predict(request: PredictionRequest, cancellation: Cancellation): Promise<CreaturePrediction> {
    assertCapability(this, request);
    if (request.kind !== 'code') throw new CreatureRequestError(this.id, 'completes code only');
    const started = this.options.clock.now();
    const result = await this.completer.complete({ file: request.file, language: request.language, prefix: request.prefix, suffix: request.suffix }, { token: cancellation });
    const [best, ...others] = result.candidates;
    return {
      creature: this.id,
      output: best?.text ?? '',
      confidence: best?.confidence ?? result.bestConfidence,
      method: best?.method ?? 'none',
      provenance: (best?.provenance ?? []).map((p) => ({ ...(p.file !== undefined ? { file: p.file } : {}), ...(p.line !== undefined ? { line: p.line + 1 } : {}), ...(p.spanId !== undefined ? { spanId: p.spanId } : {}), similarity: p.similarity })),
      alternatives: others.map((c) => ({ output: c.text, confidence: c.confidence })),
      cost: { latencyMs: this.options.clock.now() - started, externalCalls: 0 },
      notes: result.cutShort ? ['the time budget ran out: the candidates rank what was found until then'] : [],
    };
  }
}
