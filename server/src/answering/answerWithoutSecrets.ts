import { redactSecrets, redactSpanSecrets, redactValueSecrets } from '@arenalab/core';
import type { ChatAnswer, RedactionConfig, SecretCounts, SecretKind, Span, ToolAnswer } from '@arenalab/core';

/** An answer as it may be shown, and the kinds of secret that were replaced by `<redacted:KIND>` in it. */
export interface Redacted<T> {
  answer: T;
  redacted: SecretKind[];
}

function kindsOf(...all: SecretCounts[]): SecretKind[] {
  return [...new Set(all.flatMap((counts) => Object.keys(counts) as SecretKind[]))].sort();
}

/**
 * A tool's answer with every secret redacted: the answer text, each call's arguments, output text and data (a read
 * file's content, search hits, a program's stdout), errors and the decision, and the span to store. Redacting keeps
 * the rest of a file or a program's output useful, where withholding the whole answer would hide what was asked for.
 */
export function toolAnswerWithoutSecrets<T extends ToolAnswer>(answer: T, config?: RedactionConfig): Redacted<T> {
  const { span, ...shown } = answer;
  const body = redactValueSecrets(shown, config);
  const stored = span === undefined ? undefined : redactSpanSecrets(span as Span, config);
  const result = (stored === undefined ? body.value : { ...body.value, span: stored.span }) as T;
  return { answer: result, redacted: kindsOf(body.counts, stored?.counts ?? {}) };
}

/**
 * A chat engine's answer with every secret redacted from what a person reads: the text, the sources' questions and
 * snippets, the answer groups, the reasoning and notes, and the text a correction replaced. The engine's
 * constitution already refuses an answer with a secret; this also covers what comes with the answer (a refused
 * answer keeps its original text, a source snippet comes from a dataset). Ids, numbers and file names are kept.
 */
export function chatAnswerWithoutSecrets(answer: ChatAnswer, config?: RedactionConfig): Redacted<ChatAnswer> {
  const counts: SecretCounts[] = [];
  const clean = (text: string) => {
    const result = redactSecrets(text, config);
    counts.push(result.counts);
    return result.text;
  };
  const correction = answer.constitution.correction;
  const shown: ChatAnswer = {
    ...answer,
    text: clean(answer.text),
    reasoning: clean(answer.reasoning),
    notes: answer.notes.map(clean),
    provenance: answer.provenance.map((p) => ({ ...p, question: clean(p.question), snippet: clean(p.snippet) })),
    groups: answer.groups.map((g) => ({ ...g, answer: clean(g.answer), exampleQuestion: clean(g.exampleQuestion), sharedTerms: g.sharedTerms.map(clean) })),
    constitution: correction === undefined ? answer.constitution : { ...answer.constitution, correction: { ...correction, originalText: clean(correction.originalText) } },
  };
  return { answer: shown, redacted: kindsOf(...counts) };
}
