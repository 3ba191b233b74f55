import type { PredictionSource } from './creature';
import { coverage, lineSource, notSure, quote, type AnswerContext, type KnowledgeAnswer } from './knowledgeAnswer';
import { textTerms } from './knowledgeTerms';
import type { BuildCommand, KnowledgeCommit } from './knowledgeSources';
import type { SymbolMention } from './symbolMention';

// `run` alone asks how to start the thing; next to `test` or `lint` it is only the verb.
function wantedActions(actions: readonly string[]): string[] {
  const specific = actions.filter((a) => a !== 'run');
  return specific.length > 0 ? specific : ['start', 'run', 'serve', 'dev'];
}

function commandMatches(command: BuildCommand, action: string): boolean {
  const terms = new Set(textTerms(`${command.name} ${command.kind === 'CI step' ? command.command : ''}`));
  return terms.has(action) || [...terms].some((t) => t.startsWith(action));
}

// Root build files first (the ones a newcomer runs), then npm scripts, make targets and CI steps in that order.
function rank(command: BuildCommand): number {
  return (command.file.includes('/') && !command.file.startsWith('.github/') ? 10 : 0) + (command.kind === 'npm script' ? 0 : command.kind === 'make target' ? 1 : 2);
}

/** "How do I build / run / test": the npm scripts, make targets and CI steps whose names are those actions. */
export function buildAnswer(ctx: AnswerContext, actions: readonly string[]): KnowledgeAnswer {
  const wanted = wantedActions(actions);
  const found = ctx.index.commands.filter((c) => wanted.some((a) => commandMatches(c, a))).sort((a, b) => rank(a) - rank(b) || a.file.localeCompare(b.file) || a.line - b.line);
  if (found.length === 0) return notSure(`how to ${actions.join(' / ')} (no package.json script, Makefile target or CI step is named so)`, [], 0);
  const shown = found.slice(0, ctx.config.maxSources);
  const sources = shown.map((c) => lineSource(ctx.index, c.file, c.line, 1));
  const lines = shown.map((c) => `- \`${c.invocation}\` (${c.kind}, ${c.file}:${c.line + 1})${c.command !== c.invocation ? `: runs \`${quote(c.command)}\`` : ''}`);
  return { text: `To ${wanted.join(' / ')}:\n${lines.join('\n')}`, confidence: 0.85, method: 'build_command', sources };
}

function commitLine(commit: KnowledgeCommit): string {
  return `- ${commit.sha.slice(0, 10)} ${commit.date.slice(0, 10)} ${commit.author}: ${quote(commit.subject)}`;
}

function commitSource(commit: KnowledgeCommit, similarity: number, file?: string): PredictionSource {
  return { commit: commit.sha, similarity, snippet: quote(commit.subject), ...(file ? { file } : {}) };
}

/** "Who changed X / when": the commits that touched X's files, newest first; else commits whose subject covers the topic. */
export function historyAnswer(ctx: AnswerContext, mention: SymbolMention | undefined, topic: readonly string[]): KnowledgeAnswer {
  if (ctx.index.commits.length === 0) return notSure('who changed what (no git history was read for this workspace)', [], 0);
  const files = mention ? [...new Set([...mention.files, ...mention.definitions.map((d) => d.file)])] : [];
  for (const file of files) {
    const touching = ctx.index.commitsTouching(file).slice(0, ctx.config.maxSources);
    if (touching.length === 0) continue;
    return { text: `${file} was last changed by ${touching[0].author} on ${touching[0].date.slice(0, 10)}. Commits that touched it, newest first:\n${touching.map(commitLine).join('\n')}`, confidence: 0.8, method: 'git_history', sources: touching.map((c) => commitSource(c, 1, file)) };
  }
  const scored = ctx.index.commits.map((c) => ({ c, score: coverage(ctx.index, topic, new Set([...textTerms(c.subject), ...c.files.flatMap((f) => textTerms(f))])) }))
    .filter((s) => s.score > 0).sort((a, b) => b.score - a.score).slice(0, ctx.config.maxSources);
  const confidence = 0.85 * (scored[0]?.score ?? 0) ** 2;
  const sources = scored.map((s) => commitSource(s.c, s.score));
  if (confidence < ctx.config.showThreshold) return notSure(`which commits changed ${topic.join(' ') || 'that'}`, sources.slice(0, 3), confidence);
  return { text: `Commits about ${topic.join(', ')}, best match first:\n${scored.map((s) => commitLine(s.c)).join('\n')}`, confidence, method: 'git_history', sources };
}

/** "What does this file do": the comment at its top and the README sections that name it. */
export function explainFile(ctx: AnswerContext, file: string): KnowledgeAnswer {
  const base = file.slice(file.lastIndexOf('/') + 1);
  const header: string[] = [];
  for (let i = 0; i < 30; i++) {
    const text = ctx.index.lineText(file, i).trim();
    if (/^(\/\*\*?|\*|\/\/|#(?!!)|""")/.test(text)) header.push(text.replace(/^(\/\*\*?|\*\/|\*|\/\/+|#+|""")\s?/, ''));
    else if (header.length > 0 || (text !== '' && !/^(import|from|package|use|'use strict')/.test(text))) break;
  }
  const sections = ctx.index.searchSections(textTerms(base), 30).filter((s) => s.text.includes(base) || s.text.includes(base.replace(/\.[^.]+$/, ''))).slice(0, 2);
  if (header.length === 0 && sections.length === 0) return notSure(`what ${file} does (it has no header comment and no README names it)`, [lineSource(ctx.index, file, 0, 0.5)], 0.3);
  const parts = header.length > 0 ? [`${file}:1: ${header.join(' ').trim()}`] : [];
  for (const s of sections) parts.push(`${s.file}:${s.line + 1} (${s.heading}): ${quote(s.text.split('\n').find((l) => l.includes(base.replace(/\.[^.]+$/, ''))) ?? s.text)}`);
  const sources = [...(header.length > 0 ? [lineSource(ctx.index, file, 0, 1)] : []), ...sections.map((s) => ({ file: s.file, line: s.line + 1, similarity: 1, snippet: quote(s.heading) }))];
  return { text: parts.join('\n\n'), confidence: header.length > 0 ? 0.8 : 0.7, method: header.length > 0 ? 'doc_comment' : 'readme', sources };
}

/** A question about the project in words: the README sections that cover its topic best. */
export function searchDocs(ctx: AnswerContext, topic: readonly string[]): KnowledgeAnswer | undefined {
  const scored = ctx.index.searchSections(topic, 30).map((s) => ({ s, score: coverage(ctx.index, topic, new Set([...textTerms(s.heading), ...textTerms(s.text)])) }))
    .sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (!best) return undefined;
  const confidence = 0.8 * best.score * best.score;
  if (confidence < ctx.config.showThreshold) return undefined;
  const shown = scored.slice(0, 2);
  const sources = shown.map(({ s, score }) => ({ file: s.file, line: s.line + 1, similarity: score, snippet: quote(s.heading) }));
  return { text: shown.map(({ s }) => `${s.file}:${s.line + 1} (${s.heading}):\n${quote(s.text.split('\n').filter((l) => l.trim() !== '').slice(0, 3).join(' '))}`).join('\n\n'), confidence, method: 'readme', sources };
}
