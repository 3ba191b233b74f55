import type { Cancellation } from '@arenalab/core';
import type { CompletionService } from '../answering';
import { languageForPath } from '../workspace';

export interface CodeCompletionInput {
  prefix: string;
  suffix: string;
  /** Workspace-relative path of the document, when the caller says which one. */
  file?: string;
}

/** Where a completion came from: a file and 1-based line of the workspace, and how similar its context was. */
export interface CodeProvenance {
  file?: string;
  line?: number;
  spanId?: string;
  similarity: number;
}

export interface CodeCompletion {
  /** The continuation, empty when nothing reached the engine's show threshold. */
  text: string;
  /** 0–1; when nothing is shown, the best confidence that was found. */
  confidence: number;
  /** The engine's method; `none` when nothing reached the show threshold, `withheld` when the constitution withheld every candidate. */
  method: string;
  provenance: CodeProvenance[];
}

/** The API server's view of a code-completion creature. */
export interface CompletionBackend {
  complete(input: CodeCompletionInput, cancellation: Cancellation): Promise<CodeCompletion>;
}

/** The document path used when the caller names none: it matches no indexed file, so nothing is held out. */
const UNNAMED_DOCUMENT = '<request>';

/**
 * The completion creature over a workspace: the completion service the CLI and the language server use, so the
 * constitution withholds what must never be suggested (a secret, content of an excluded file) here too; the best
 * allowed candidate is the answer.
 */
export class EngineCompletionBackend implements CompletionBackend {
  constructor(private readonly service: CompletionService) {}

  async complete(input: CodeCompletionInput, cancellation: Cancellation): Promise<CodeCompletion> {
    const file = input.file ?? UNNAMED_DOCUMENT;
    const language = (input.file && languageForPath(input.file)) || 'plaintext';
    const result = await this.service.complete({ file, language, prefix: input.prefix, suffix: input.suffix }, { token: cancellation });
    const best = result.candidates[0];
    if (!best) return { text: '', confidence: result.bestConfidence, method: result.withheld.length > 0 ? 'withheld' : 'none', provenance: [] };
    return {
      text: best.text,
      confidence: best.confidence,
      method: best.method,
      provenance: best.provenance.map((p) => ({ file: p.file, line: p.line === undefined ? undefined : p.line + 1, spanId: p.spanId, similarity: p.similarity })),
    };
  }
}
