import type { PredictionSource } from './creature';
import { at, coverage, lineSource, notSure, quote, type AnswerContext, type KnowledgeAnswer } from './knowledgeAnswer';
import { compactName } from './knowledgeIndex';
import type { KnowledgeDefinition } from './knowledgeSources';
import type { SymbolMention } from './symbolMention';

// Confidence when the question names a symbol and asks nothing else about it: one definition is the answer; with
// several of the same name it is one of them.
const ONE_DEFINITION = 0.9;
const SEVERAL_DEFINITIONS = 0.7;
// A resolved symbol is half the evidence for "where is X's Y"; how well a line of X covers Y is the rest.
const SYMBOL_FLOOR = 0.3;
const SYMBOL_SPAN = 0.6;
// A plain search has no symbol to lean on: only a line that covers the whole topic reaches 0.85.
const SEARCH_CEILING = 0.85;

function definitionLine(d: KnowledgeDefinition): string {
  return `- \`${d.name}\` (${d.kind}) at ${at(d.file, d.startLine)}${d.endLine > d.startLine ? `–${d.endLine + 1}` : ''}`;
}

function usages(ctx: AnswerContext, name: string, definitions: readonly KnowledgeDefinition[]): PredictionSource[] {
  const word = new RegExp(`(^|[^\\w$])${name.replace(/[$]/g, '\\$')}([^\\w$]|$)`);
  const defined = new Set(definitions.map((d) => `${d.file}:${d.startLine}`));
  return ctx.index.searchLines([compactName(name)], 200)
    .filter((hit) => word.test(hit.text) && !defined.has(`${hit.file}:${hit.line}`))
    .slice(0, ctx.config.maxSources)
    .map((hit) => lineSource(ctx.index, hit.file, hit.line, 1));
}

/** "Where is X defined / used": its definitions (tree-sitter or lexical) and the lines that use the name. */
export function whereDefined(ctx: AnswerContext, mention: SymbolMention): KnowledgeAnswer {
  const shown = mention.definitions.slice(0, ctx.config.maxSources);
  const name = shown[0].name.replace(/^.*\./, '');
  const used = usages(ctx, name, mention.definitions);
  const confidence = mention.definitions.length <= 1 ? ONE_DEFINITION : SEVERAL_DEFINITIONS;
  const defined = `\`${mention.said}\` is defined ${mention.definitions.length > 1 ? `in ${mention.definitions.length} places` : 'at'}:\n${shown.map(definitionLine).join('\n')}`;
  const uses = used.length === 0 ? '' : `\n\nUsed at:\n${used.map((s) => `- ${s.file}:${s.line} — \`${s.snippet}\``).join('\n')}`;
  const sources = [...shown.map((d) => lineSource(ctx.index, d.file, d.startLine, 1)), ...used];
  return { text: defined + uses, confidence, method: 'definition', sources };
}

/** "Where is X's Y": the lines of X's files (inside X first) that cover Y best. */
export function whereInSymbol(ctx: AnswerContext, mention: SymbolMention, rest: readonly string[]): KnowledgeAnswer {
  const files = new Set([...mention.definitions.map((d) => d.file), ...mention.files]);
  const inside = (file: string, line: number) => mention.definitions.some((d) => d.file === file && line >= d.startLine - 30 && line <= d.endLine);
  const scored = ctx.index.searchLines(rest, ctx.config.candidateLines, files)
    .map((hit) => ({ hit, score: coverage(ctx.index, rest, hit.terms) + (inside(hit.file, hit.line) ? 0.01 : 0) }))
    .sort((a, b) => b.score - a.score || a.hit.file.localeCompare(b.hit.file) || a.hit.line - b.hit.line);
  const best = scored[0];
  const score = Math.min(1, best?.score ?? 0);
  const confidence = SYMBOL_FLOOR + SYMBOL_SPAN * score;
  const sources = scored.slice(0, ctx.config.maxSources).map(({ hit, score: s }) => lineSource(ctx.index, hit.file, hit.line, Math.min(1, s)));
  if (!best || confidence < ctx.config.showThreshold) return notSure(`what "${rest.join(' ')}" means in ${mention.said}`, sources.slice(0, 3), confidence);
  const lines = sources.map((s) => `- ${s.file}:${s.line} — \`${s.snippet}\``).join('\n');
  return { text: `In ${mention.said} (${[...files].join(', ')}), ${rest.join(' ')} is at ${best.hit.file}:${best.hit.line + 1}:\n${lines}`, confidence, method: 'code_search', sources };
}

/** No symbol named: the lines of the whole workspace that cover the question's topic best. */
export function searchCode(ctx: AnswerContext, topic: readonly string[], what: string): KnowledgeAnswer {
  const scored = ctx.index.searchLines(topic, ctx.config.candidateLines)
    .map((hit) => ({ hit, score: coverage(ctx.index, topic, hit.terms) }))
    .sort((a, b) => b.score - a.score || a.hit.file.localeCompare(b.hit.file) || a.hit.line - b.hit.line);
  const best = scored[0]?.score ?? 0;
  const confidence = SEARCH_CEILING * best * best;
  const sources = scored.slice(0, ctx.config.maxSources).map(({ hit, score }) => lineSource(ctx.index, hit.file, hit.line, score));
  if (confidence < ctx.config.showThreshold) return notSure(what, sources.slice(0, 3), confidence);
  return { text: `These lines mention ${topic.join(', ')}:\n${sources.map((s) => `- ${s.file}:${s.line} — \`${s.snippet}\``).join('\n')}`, confidence, method: 'code_search', sources };
}

/** "What does X do": X's doc comment (or docstring), and the README sections that name it. */
export function explainSymbol(ctx: AnswerContext, mention: SymbolMention): KnowledgeAnswer {
  const documented = mention.definitions.find((d) => d.doc !== '') ?? mention.definitions[0];
  const name = documented.name.replace(/^.*\./, '');
  const readme = ctx.index.searchSections([compactName(name)], 20).filter((s) => s.text.includes(name)).slice(0, 2);
  const sources: PredictionSource[] = [lineSource(ctx.index, documented.file, documented.startLine, 1), ...readme.map((s) => ({ file: s.file, line: s.line + 1, similarity: 1, snippet: quote(s.heading) }))];
  const parts = [`\`${documented.name}\` (${documented.kind}, ${at(documented.file, documented.startLine)})${documented.doc !== '' ? `: ${documented.doc}` : ` is declared as \`${quote(ctx.index.lineText(documented.file, documented.startLine))}\` (no doc comment).`}`];
  for (const section of readme) parts.push(`${section.file}:${section.line + 1} (${section.heading}): ${quote(section.text.split('\n').find((l) => l.includes(name)) ?? section.text)}`);
  const confidence = documented.doc !== '' ? 0.85 : readme.length > 0 ? 0.7 : 0.55;
  return { text: parts.join('\n\n'), confidence, method: documented.doc !== '' ? 'doc_comment' : readme.length > 0 ? 'readme' : 'definition', sources };
}
