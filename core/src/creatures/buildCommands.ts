import type { BuildCommand, KnowledgeFile } from './knowledgeSources';

/** Whether a path is a file that says how the workspace is built, run or tested. */
export function isBuildFile(path: string): boolean {
  return /(^|\/)package\.json$/.test(path) || isMakefile(path) || isCiFile(path);
}

function isMakefile(path: string): boolean {
  return /(^|\/)(GNUmakefile|Makefile|makefile)$/.test(path);
}

function isCiFile(path: string): boolean {
  return /^\.github\/workflows\/[^/]+\.ya?ml$/.test(path) || /(^|\/)\.gitlab-ci\.yml$/.test(path) || /(^|\/)azure-pipelines\.yml$/.test(path);
}

function lineOf(lines: readonly string[], needle: string, from = 0): number {
  for (let i = from; i < lines.length; i++) if (lines[i].includes(needle)) return i;
  return from;
}

// npm runs `test`, `start`, `stop`, `restart` without `run`.
const NPM_DIRECT = new Set(['test', 'start', 'stop', 'restart']);

function npmScripts(file: KnowledgeFile): BuildCommand[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(file.text);
  } catch {
    return [];
  }
  const scripts = (parsed as { scripts?: unknown }).scripts;
  if (typeof scripts !== 'object' || scripts === null) return [];
  const lines = file.text.split('\n');
  const start = lineOf(lines, '"scripts"');
  const prefix = file.path.includes('/') ? `(in ${file.path.slice(0, file.path.lastIndexOf('/'))}) ` : '';
  return Object.entries(scripts as Record<string, unknown>).flatMap(([name, command]) => {
    if (typeof command !== 'string') return [];
    const invocation = `${prefix}npm ${NPM_DIRECT.has(name) ? '' : 'run '}${name}`;
    return [{ invocation, command, kind: 'npm script', file: file.path, line: lineOf(lines, `"${name}"`, start), name }];
  });
}

function makeTargets(file: KnowledgeFile): BuildCommand[] {
  const lines = file.text.split('\n');
  const found: BuildCommand[] = [];
  for (let i = 0; i < lines.length; i++) {
    const match = /^([A-Za-z0-9_][A-Za-z0-9_.-]*)\s*:(?!=)/.exec(lines[i]);
    if (!match || match[1] === '.PHONY') continue;
    const recipe: string[] = [];
    for (let j = i + 1; j < lines.length && lines[j].startsWith('\t'); j++) recipe.push(lines[j].trim());
    found.push({ invocation: `make ${match[1]}`, command: recipe.join(' && '), kind: 'make target', file: file.path, line: i, name: match[1] });
  }
  return found;
}

// A CI step's `run:` line (one-line form, or the first line of a `run: |` block), named by the step's `name:`.
function ciSteps(file: KnowledgeFile): BuildCommand[] {
  const lines = file.text.split('\n');
  const found: BuildCommand[] = [];
  let name = '';
  for (let i = 0; i < lines.length; i++) {
    const named = /^\s*-?\s*name:\s*(.+)$/.exec(lines[i]);
    if (named) name = named[1].trim().replace(/^["']|["']$/g, '');
    const run = /^\s*-?\s*run:\s*(.*)$/.exec(lines[i]);
    if (!run) continue;
    const inline = run[1].trim();
    const command = inline === '|' || inline === '>' || inline === '' ? (lines[i + 1] ?? '').trim() : inline;
    if (command !== '') found.push({ invocation: command, command, kind: 'CI step', file: file.path, line: i, name: name || command });
  }
  return found;
}

/** The commands a build file declares: npm scripts, make targets, CI steps; none for any other file. */
export function buildCommands(file: KnowledgeFile): BuildCommand[] {
  if (/(^|\/)package\.json$/.test(file.path)) return npmScripts(file);
  if (isMakefile(file.path)) return makeTargets(file);
  if (isCiFile(file.path)) return ciSteps(file);
  return [];
}
