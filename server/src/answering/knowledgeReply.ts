import { correctAnswer, redactSecrets } from '@arenalab/core';
import type { Cancellation, ChatAnswer, ChatConstitutionReport, ChatMessage, ConstitutionalReviewer, Creature, CreaturePrediction, RedactionConfig, SecretCounts, SecretKind } from '@arenalab/core';

/** The workspace knowledge creature as a chat source, with the constitution its answers pass. */
export interface ChatKnowledge {
  creature: Creature;
  reviewer: ConstitutionalReviewer;
}

/** A knowledge creature's answer as it may be shown: reviewed (hedged or refused on a hard violation) and redacted. */
export interface KnowledgeReply extends CreaturePrediction {
  constitution: ChatConstitutionReport;
}

// The chat engine's answer stands when its vote agreed and it is at least this sure: one exact match of a stored
// question already scores 0.5, so below 0.4 the stored answers are a weak guess and the code may know better.
const STORED_ANSWER_CONFIDENT = 0.4;

/** Whether the stored question/answer spans answered well enough that the workspace need not be asked. */
export function storedAnswerIsConfident(answer: ChatAnswer): boolean {
  return (answer.method === 'majority' || answer.method === 'synthesis' || answer.method === 'llm_synthesis') && answer.confidence >= STORED_ANSWER_CONFIDENT;
}

function kindsOf(all: readonly SecretCounts[]): SecretKind[] {
  return [...new Set(all.flatMap((counts) => Object.keys(counts) as SecretKind[]))].sort();
}

/**
 * Asks the knowledge creature and passes its answer through what every chat answer passes: the constitution (a
 * hard violation hedges or refuses it, as the chat engine's answers are; the quoted files are its sources) and
 * secret redaction of the text and every quoted snippet (a line of code can hold a key).
 */
export async function askKnowledge(knowledge: ChatKnowledge, question: string, messages: readonly ChatMessage[], config: RedactionConfig | undefined, token: Cancellation): Promise<{ answer: KnowledgeReply; redacted: SecretKind[] }> {
  const prediction = await knowledge.creature.predict({ kind: 'chat', messages }, token);
  const counts: SecretCounts[] = [];
  const clean = (text: string) => {
    const result = redactSecrets(text, config);
    counts.push(result.counts);
    return result.text;
  };
  const sourceFiles = [...new Set(prediction.provenance.flatMap((p) => (p.file ? [p.file] : [])))];
  const output = clean(prediction.output);
  const review = await knowledge.reviewer.review({ kind: 'chat', text: output, confidence: prediction.confidence, request: question, sourceFiles }, token);
  const corrected = correctAnswer(output, prediction.confidence, review);
  const constitution: ChatConstitutionReport = corrected
    ? { ...review, correction: { kind: corrected.correction, principleId: corrected.violation.principleId, reason: corrected.violation.reason, originalText: output } }
    : review;
  const refused = corrected?.correction === 'refused';
  const answer: KnowledgeReply = {
    ...prediction,
    output: corrected ? corrected.text : output,
    provenance: refused ? [] : prediction.provenance.map((p) => (p.snippet === undefined ? p : { ...p, snippet: clean(p.snippet) })),
    notes: prediction.notes.map(clean),
    constitution,
  };
  return { answer, redacted: kindsOf(counts) };
}
