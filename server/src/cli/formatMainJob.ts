import type { CompletionShowcase } from './showCompletions';
import type { StoreChatAnswer } from './askStoreChat';

const fixed = (x: number) => x.toFixed(2);
const seconds = (s: number) => `${s.toFixed(2)} s`;

/** A stage heading with its time: `== 2. Completions (0.41 s) ==`. */
export function stageHeading(n: number, title: string, elapsedS: number): string {
  return `== ${n}. ${title} (${seconds(elapsedS)}) ==`;
}

/** The completion stage for people: the index, the hit rate on held-out lines, and each example with its sources. */
export function formatCompletionShowcase(s: CompletionShowcase): string {
  const lines = [
    `indexed ${s.index.files} source files, ${s.index.windows} windows in ${seconds(s.index.build_s)}`,
    `${s.tried} held-out lines tried: ${s.shown} would be shown (confidence ≥ ${fixed(s.threshold)}), ${s.exact} of them exactly right`,
  ];
  if (s.examples.length === 0) lines.push('no suggestion reached the show threshold (a workspace with repeated code shows more)');
  s.examples.forEach((e, i) => {
    const sources = e.sources.map((p) => `${p.file ?? '?'}${p.line === undefined ? '' : `:${p.line}`} (similarity ${fixed(p.similarity)})`);
    lines.push(
      '',
      `${i + 1}. ${e.file}:${e.line}  confidence ${fixed(e.confidence)}, ${e.method}, ${e.matches ? 'matches the real line' : 'differs from the real line'}`,
      `   suggested │ ${e.text.trim()}`,
      `   real line │ ${e.actual}`,
      `   from ${sources.join(', ') || 'nowhere recorded'}`,
    );
  });
  return lines.join('\n');
}

/** The chat stage: the question, the answer, how sure, and the stored spans it came from. */
export function formatStoreChat(chat: StoreChatAnswer | undefined): string {
  if (chat === undefined) return 'no answered question in the store to ask about';
  const { answer } = chat;
  const lines = [
    `question${chat.askedFrom ? ` (asked again from span ${chat.askedFrom})` : ''}: ${chat.question}`,
    `answer: ${answer.text}`,
    `confidence ${Math.round(answer.confidence * 100)}% · ${answer.method} · ${answer.trajectoriesUsed} of ${chat.pairs} question/answer pairs voted`,
  ];
  if (answer.provenance.length > 0) lines.push('sources:');
  for (const p of answer.provenance) lines.push(`  ${p.spanId}${p.file ? ` (${p.file})` : ''}  similarity ${fixed(p.similarity)}  "${p.question}"`);
  return lines.join('\n');
}
