/** What the workspace knowledge creature reads, as the host found it: files, build commands, commits. */

/** A text file of the workspace: source, README or build file. */
export interface KnowledgeFile {
  /** Workspace-relative, `/`-separated. */
  path: string;
  /** LSP language id for source files (`typescript`, …); `markdown` for READMEs; undefined for other text. */
  language?: string;
  text: string;
}

/** One commit as the git importer reads it, reduced to what a question about history needs. */
export interface KnowledgeCommit {
  sha: string;
  author: string;
  /** ISO-8601 author date. */
  date: string;
  subject: string;
  /** Paths the commit touched. */
  files: string[];
}

/** What the host gives the creature to learn from. */
export interface KnowledgeSources {
  files: readonly KnowledgeFile[];
  /** Newest last or first: the creature orders them by date. */
  commits: readonly KnowledgeCommit[];
}

/** A definition in a file: a class, function, method, interface, type, constant… */
export interface KnowledgeDefinition {
  name: string;
  kind: string;
  file: string;
  /** 0-based first and last line of the definition (the last equals the first when only the line is known). */
  startLine: number;
  endLine: number;
  /** The definition's own doc comment (or Python docstring), without comment markers; empty when it has none. */
  doc: string;
  /** Whether the definition came from a tree-sitter parse (else a lexical pattern). */
  parsed: boolean;
}

/** A way to build, run or test the workspace: an npm script, a make target, a CI step. */
export interface BuildCommand {
  /** How a person runs it: `npm test`, `npm run lint`, `make check`, or the CI step's `run` line. */
  invocation: string;
  /** What it runs. */
  command: string;
  /** `npm script`, `make target`, `CI step`. */
  kind: string;
  file: string;
  /** 0-based. */
  line: number;
  /** Name of the script, target or step. */
  name: string;
}

/** A README section: its heading path and its lines. */
export interface DocSection {
  file: string;
  heading: string;
  /** 0-based line of the heading (0 for text before the first heading). */
  line: number;
  text: string;
}
