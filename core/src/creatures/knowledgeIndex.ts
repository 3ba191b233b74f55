import { InvertedIndex } from '../index/invertedIndex';
import type { Cancellation } from '../ports';
import { throwIfCancelled, yieldToHost } from '../ports';
import type { SyntaxService } from '../syntax';
import { lexicalDefinitions } from './lexicalDefinitions';
import { buildCommands, isBuildFile } from './buildCommands';
import { pathTerms, textTerms } from './knowledgeTerms';
import type { BuildCommand, DocSection, KnowledgeCommit, KnowledgeDefinition, KnowledgeSources } from './knowledgeSources';
import { isDocFile, markdownSections } from './markdownSections';
import { fileDefinitions } from './syntaxDefinitions';

/** Files read between two yields to the host. */
const FILES_PER_YIELD = 25;

/** A line of a file, with the terms it holds (its own and its path's). */
export interface LineHit {
  file: string;
  /** 0-based. */
  line: number;
  text: string;
  terms: ReadonlySet<string>;
}

/** A definition's name as questions say it: lowercased, without `_` or `$` (`SpanStore`, `span_store` → `spanstore`). */
export function compactName(name: string): string {
  return name.replace(/[_$]/g, '').toLowerCase();
}

/**
 * What the workspace knowledge creature knows, built once from the host's sources: every line of every file (BM25
 * over its terms and its path's), the definitions by name, README sections, build commands and commits by file.
 */
export class KnowledgeIndex {
  private readonly lines = new InvertedIndex();
  private readonly sections = new InvertedIndex();
  private readonly fileLines = new Map<string, readonly string[]>();
  private readonly definitionsByName = new Map<string, KnowledgeDefinition[]>();
  private readonly docSections: DocSection[] = [];
  readonly commands: BuildCommand[] = [];
  /** Newest first. */
  readonly commits: KnowledgeCommit[];
  readonly languages = new Set<string>();
  private readonly sourceLanguage = new Map<string, string>();
  /** Files whose definitions came from a tree-sitter parse. */
  private readonly parsed = new Set<string>();

  private constructor(commits: readonly KnowledgeCommit[], private readonly syntax: SyntaxService | undefined) {
    this.commits = [...commits].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  }

  /**
   * Reads every source, with lexical definitions; a file is parsed with tree-sitter when a question first needs its
   * definitions (`parseDefinitions`), since parsing every file of a large workspace up front costs seconds. Yields to
   * the host every few files so a long build does not hold it.
   */
  static async build(sources: KnowledgeSources, syntax: SyntaxService | undefined, token: Cancellation): Promise<KnowledgeIndex> {
    const index = new KnowledgeIndex(sources.commits, syntax);
    for (let i = 0; i < sources.files.length; i++) {
      if (i % FILES_PER_YIELD === 0) {
        throwIfCancelled(token, 'workspace knowledge');
        await yieldToHost();
      }
      const file = sources.files[i];
      index.addFile(file.path, file.language, file.text);
    }
    return index;
  }

  /** Replaces the lexical definitions of these files by their tree-sitter parse (with extents), where a grammar exists. */
  async parseDefinitions(files: Iterable<string>, token: Cancellation): Promise<void> {
    for (const file of files) {
      const language = this.sourceLanguage.get(file);
      if (this.parsed.has(file) || !this.syntax || !language || !this.syntax.supports(language)) continue;
      const definitions = await fileDefinitions(file, language, this.lineTextOf(file), this.syntax, token);
      for (const [key, list] of this.definitionsByName) {
        const kept = list.filter((d) => d.file !== file);
        if (kept.length === 0) this.definitionsByName.delete(key);
        else if (kept.length !== list.length) this.definitionsByName.set(key, kept);
      }
      for (const definition of definitions) this.addDefinition(definition);
      this.parsed.add(file);
    }
  }

  private lineTextOf(file: string): string {
    return (this.fileLines.get(file) ?? []).join('\n');
  }

  private addFile(path: string, language: string | undefined, text: string): void {
    const lines = text.split('\n');
    this.fileLines.set(path, lines);
    if (language && language !== 'markdown') {
      this.languages.add(language);
      this.sourceLanguage.set(path, language);
    }
    const fromPath = pathTerms(path);
    lines.forEach((line, i) => {
      const own = textTerms(line);
      if (own.length > 0) this.lines.add(`${path}\n${i}`, [...own, ...fromPath], path);
    });
    if (isDocFile(path)) {
      for (const section of markdownSections(path, text)) {
        this.sections.add(String(this.docSections.length), [...textTerms(section.heading), ...textTerms(section.heading), ...textTerms(section.text), ...fromPath]);
        this.docSections.push(section);
      }
    }
    if (isBuildFile(path)) this.commands.push(...buildCommands({ path, language, text }));
    if (this.sourceLanguage.has(path)) for (const definition of lexicalDefinitions(path, text)) this.addDefinition(definition);
  }

  private addDefinition(definition: KnowledgeDefinition): void {
    const key = compactName(definition.name.replace(/^.*\./, ''));
    const list = this.definitionsByName.get(key) ?? [];
    list.push(definition);
    this.definitionsByName.set(key, list);
  }

  get fileCount(): number {
    return this.fileLines.size;
  }

  get size(): { files: number; lines: number; definitions: number; sections: number; commands: number; commits: number } {
    return { files: this.fileLines.size, lines: this.lines.stats().documents, definitions: [...this.definitionsByName.values()].reduce((n, list) => n + list.length, 0), sections: this.docSections.length, commands: this.commands.length, commits: this.commits.length };
  }

  /** Definitions whose compact name is `name`, top-level and documented ones first. */
  definitions(name: string): KnowledgeDefinition[] {
    const found = this.definitionsByName.get(compactName(name)) ?? [];
    return [...found].sort((a, b) => Number(b.doc !== '') - Number(a.doc !== '') || indentOf(this.lineText(a.file, a.startLine)) - indentOf(this.lineText(b.file, b.startLine)) || (a.file < b.file ? -1 : a.file > b.file ? 1 : a.startLine - b.startLine));
  }

  /** How informative a term is here: BM25's idf over lines; a term no line holds is the most informative. */
  idf(term: string): number {
    const n = this.lines.stats().documents;
    const df = this.lines.documentFrequency(term);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Lines that best match the terms (BM25), optionally only those of some files. */
  searchLines(terms: readonly string[], k: number, files?: ReadonlySet<string>): LineHit[] {
    const filter = files ? (id: string) => files.has(id.slice(0, id.lastIndexOf('\n'))) : undefined;
    return this.lines.search(terms, k, filter ? { filter } : {}).map((hit) => this.lineHit(hit.id));
  }

  /** README sections that best match the terms, best first. */
  searchSections(terms: readonly string[], k: number): DocSection[] {
    return this.sections.search(terms, k).map((hit) => this.docSections[Number(hit.id)]);
  }

  lineText(file: string, line: number): string {
    return this.fileLines.get(file)?.[line] ?? '';
  }

  hasFile(file: string): boolean {
    return this.fileLines.has(file);
  }

  /** Indexed paths whose file name (without extension) or path ends with `name`. */
  filesNamed(name: string): string[] {
    const wanted = name.toLowerCase();
    return [...this.fileLines.keys()].filter((p) => {
      const lower = p.toLowerCase();
      const base = lower.slice(lower.lastIndexOf('/') + 1);
      return lower === wanted || lower.endsWith(`/${wanted}`) || base.replace(/\.[^.]+$/, '') === wanted.replace(/\.[^.]+$/, '');
    });
  }

  /** Commits that touched the file, newest first. */
  commitsTouching(file: string): KnowledgeCommit[] {
    return this.commits.filter((c) => c.files.includes(file));
  }

  private lineHit(id: string): LineHit {
    const cut = id.lastIndexOf('\n');
    const file = id.slice(0, cut);
    const line = Number(id.slice(cut + 1));
    const text = this.lineText(file, line);
    return { file, line, text, terms: new Set([...textTerms(text), ...pathTerms(file)]) };
  }
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}
