import type { CompletionEngineConfig } from './completionEngineConfig';
import type { CompletionProvenance } from './completionTypes';
import type { AgreedLine } from './agreedBlock';
import { bracketDelta, indentOf } from './blockStructure';
import { adaptIndentation } from './insertionText';

/** The engine's next line after the block lines so far, as the line-level search finds it there. */
export interface BlockStep {
  /** The line with its indentation. */
  text: string;
  confidence: number;
  provenance: CompletionProvenance[];
}

export interface BlockGrowth {
  /** Every line of the block, the first included, indented for the document. */
  lines: string[];
  /** Confidence that all of `lines` are right. */
  confidence: number;
  /** Where the lines after the first came from (the best place of each). */
  provenance: CompletionProvenance[];
}

/** What growing a block needs to know about where it happens. */
export interface BlockGrowthContext {
  /** Indentation (characters) of the request's opener: a line no deeper ends the block. */
  openerIndent: number;
  /** The agreed continuation of the places that voted for the first line (`agreedBlock`). */
  agreed: readonly AgreedLine[];
  /** The line-level search after the given block lines; undefined when it finds nothing. */
  nextLine(lines: readonly string[]): BlockStep | undefined;
  /** True once the request's time is up: the block stops growing. */
  outOfTime(): boolean;
  maxLines: number;
  /** The confidence a shown block must keep (the show threshold). */
  bar: number;
}

/**
 * A first line grown into a block, one line at a time: first as far as the places behind the first line agree on
 * their bodies, then by the line-level search with the block so far as context (what followed the same code
 * elsewhere, now that the context includes the block's own lines). Each line's support (its agreement share or its
 * search confidence, ^ `blockStepExponent`) multiplies the block's confidence. Growth stops at the block's end (a
 * line no deeper than the opener, or one closing its bracket), where a line's support is below
 * `blockLineAgreement`, and, when the first line earned the show bar, before the block's confidence would fall
 * below it: the block falls back to fewer lines, down to the single line.
 */
export function growBlock(first: string, firstConfidence: number, context: BlockGrowthContext, config: CompletionEngineConfig): BlockGrowth {
  const lines = [first];
  const provenance: CompletionProvenance[] = [];
  let confidence = firstConfidence;
  let depth = bracketDelta(first).delta;
  const guarded = firstConfidence >= context.bar;
  for (let k = 1; k < context.maxLines && !context.outOfTime(); k++) {
    // The agreed lines come first and only as a run: once the search has written a line, the places' bodies no
    // longer describe the block.
    const agreed = k - 1 < context.agreed.length ? context.agreed[k - 1] : undefined;
    const step = agreed
      ? { text: adaptIndentation(agreed.source, agreed.sourcePrevious, lines[k - 1]) + agreed.source.trim(), support: agreed.share, places: [] }
      : fromSearch(context.nextLine(lines));
    if (step === undefined || step.text.trim() === '' || indentOf(step.text) <= context.openerIndent) break;
    const { delta, lowest } = bracketDelta(step.text);
    if (depth + lowest < 0 || step.support < config.blockLineAgreement) break;
    const next = confidence * step.support ** config.blockStepExponent;
    if (guarded && next < context.bar) break;
    depth += delta;
    confidence = next;
    lines.push(step.text);
    provenance.push(...step.places.slice(0, 1));
  }
  return { lines, confidence, provenance };
}

function fromSearch(step: BlockStep | undefined): { text: string; support: number; places: CompletionProvenance[] } | undefined {
  return step && { text: step.text, support: step.confidence, places: step.provenance };
}
