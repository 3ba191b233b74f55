import type { Cancellation } from '../ports';
import type { KnowledgeIndex } from './knowledgeIndex';
import { isStopWord, normalizeWord } from './knowledgeTerms';
import type { KnowledgeDefinition } from './knowledgeSources';

/** A symbol or file a question names, and the question's words that named it. */
export interface SymbolMention {
  /** As the question wrote it (`span store`, `SpanStore`, `spanStore.ts`). */
  said: string;
  definitions: KnowledgeDefinition[];
  /** Files the question named by file name. */
  files: string[];
  /** Normalised words of the question used up by the mention. */
  words: string[];
  /** The name the definitions were looked up by, to look them up again once their files are parsed. */
  lookup?: string;
}

interface Word {
  raw: string;
  /** An identifier in code's shape (camelCase, snake_case, `call()`, a backticked name): named on purpose. */
  codeShaped: boolean;
}

function wordsOf(question: string): Word[] {
  const words: Word[] = [];
  for (const match of question.matchAll(/`([^`]+)`|([A-Za-z_$][\w$]*(?:\.[A-Za-z0-9]+)*)(\(\))?/g)) {
    const raw = (match[1] ?? match[2]).replace(/'s$/, '');
    const codeShaped = match[1] !== undefined || match[3] !== undefined || /[a-z][A-Z]|_|\.[a-z]+$/.test(raw) || /^[A-Z][a-z]+[A-Z]/.test(raw);
    words.push({ raw, codeShaped });
  }
  return words;
}

// A file name said in the question (`spanStore.ts`, `package.json`, `gitHistory`).
function fileMention(word: Word, index: KnowledgeIndex): string[] {
  if (!/\.[A-Za-z0-9]+$/.test(word.raw) && !word.codeShaped) return [];
  return index.filesNamed(word.raw);
}

/**
 * The symbol the question is about: a code-shaped word that names a definition or a file, else two or three
 * adjacent topic words that together name one (`span store` → `SpanStore`), longest first; else a single topic word
 * that names a definition when it is the question's only topic. Undefined when nothing is named.
 */
export function symbolMention(question: string, index: KnowledgeIndex): SymbolMention | undefined {
  const words = wordsOf(question);
  for (const word of words) {
    if (!word.codeShaped) continue;
    const name = word.raw.replace(/\(\)$/, '');
    const files = fileMention(word, index);
    const lookup = /\.[A-Za-z0-9]+$/.test(name) ? undefined : name.replace(/^.*\./, '');
    const definitions = lookup === undefined ? [] : index.definitions(lookup);
    if (definitions.length > 0 || files.length > 0) return { said: word.raw, definitions, files, words: [normalizeWord(name)], ...(lookup !== undefined ? { lookup } : {}) };
  }
  const topic = words.filter((w) => !isStopWord(normalizeWord(w.raw)));
  for (const size of [3, 2]) {
    for (let i = 0; i + size <= topic.length; i++) {
      const group = topic.slice(i, i + size);
      if (!adjacent(question, group)) continue;
      const lookup = group.map((w) => w.raw).join('');
      const definitions = index.definitions(lookup);
      if (definitions.length > 0) return { said: group.map((w) => w.raw).join(' '), definitions, files: [], words: group.map((w) => normalizeWord(w.raw)), lookup };
    }
  }
  if (topic.length === 1) {
    const definitions = index.definitions(topic[0].raw);
    if (definitions.length > 0) return { said: topic[0].raw, definitions, files: [], words: [normalizeWord(topic[0].raw)], lookup: topic[0].raw };
  }
  return undefined;
}

// The words follow each other in the question (only spaces, a hyphen or a possessive between them).
function adjacent(question: string, group: readonly Word[]): boolean {
  const pattern = group.map((w) => w.raw.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join("(?:'s)?[\\s-]+");
  return new RegExp(`\\b${pattern}`, 'i').test(question);
}

/**
 * The mention with its files parsed: their definitions now come from tree-sitter (with where each ends) where a
 * grammar exists, looked up again by the same name; the lexical ones stay when the parse finds none of that name.
 */
export async function parsedMention(index: KnowledgeIndex, mention: SymbolMention, token: Cancellation): Promise<SymbolMention> {
  await index.parseDefinitions(new Set([...mention.definitions.map((d) => d.file), ...mention.files]), token);
  if (mention.lookup === undefined) return mention;
  const definitions = index.definitions(mention.lookup);
  return definitions.length > 0 ? { ...mention, definitions } : mention;
}
