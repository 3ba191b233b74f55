import type { KnowledgeDefinition } from './knowledgeSources';

// One pattern per definition form (constants only at the top level: a local variable is not what "where is X" asks for), tried on each line: the name is group 1. These are what a reader recognises as
// "where X is defined" in the languages the workspace indexes, where no grammar parsed the file.
const PATTERNS: readonly { kind: string; pattern: RegExp }[] = [
  { kind: 'class', pattern: /^\s*(?:export\s+)?(?:default\s+)?(?:abstract\s+)?class\s+([A-Za-z_$][\w$]*)/ },
  { kind: 'interface', pattern: /^\s*(?:export\s+)?interface\s+([A-Za-z_$][\w$]*)/ },
  { kind: 'type', pattern: /^\s*(?:export\s+)?type\s+([A-Za-z_$][\w$]*)\s*(?:<[^=]*>)?\s*=/ },
  { kind: 'enum', pattern: /^\s*(?:export\s+)?(?:const\s+)?enum\s+([A-Za-z_$][\w$]*)/ },
  { kind: 'function', pattern: /^\s*(?:export\s+)?(?:default\s+)?(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)/ },
  { kind: 'constant', pattern: /^(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=/ },
  { kind: 'function', pattern: /^\s*(?:async\s+)?def\s+([A-Za-z_]\w*)\s*\(/ },
  { kind: 'class', pattern: /^\s*class\s+([A-Za-z_]\w*)\s*[(:]/ },
  { kind: 'function', pattern: /^\s*func\s+(?:\([^)]*\)\s*)?([A-Za-z_]\w*)\s*\(/ },
  { kind: 'type', pattern: /^\s*type\s+([A-Za-z_]\w*)\s+(?:struct|interface)\b/ },
  { kind: 'function', pattern: /^\s*(?:pub(?:\([^)]*\))?\s+)?(?:async\s+)?fn\s+([A-Za-z_]\w*)/ },
  { kind: 'struct', pattern: /^\s*(?:pub(?:\([^)]*\))?\s+)?(?:struct|enum|trait)\s+([A-Za-z_]\w*)/ },
  // A class member written `name(…) {` (TypeScript, JavaScript): indented, no control keyword, the body opening.
  { kind: 'method', pattern: /^\s+(?:(?:public|private|protected|static|async|readonly|override|abstract|get|set)\s+)*(?!(?:if|for|while|switch|catch|return|function|else|do|with|await|new|typeof)\b)([A-Za-z_$][\w$]*)\s*(?:<[^>]*>)?\([^;]*\)\s*(?::\s*[^;{]+)?\{\s*$/ },
  { kind: 'target', pattern: /^([A-Za-z0-9_.-]+)\s*:(?!=)/ },
];

// A Makefile target is only a definition in a Makefile; elsewhere `name:` is an object key or a label.
function applies(kind: string, path: string): boolean {
  const isMakefile = /(^|\/)(GNUmakefile|Makefile|makefile)$|\.mk$/.test(path);
  return kind === 'target' ? isMakefile : !isMakefile;
}

/** Definitions found line by line with the patterns above; each is one line long (no parse tells where it ends). */
export function lexicalDefinitions(path: string, text: string): KnowledgeDefinition[] {
  const lines = text.split('\n');
  const found: KnowledgeDefinition[] = [];
  for (let line = 0; line < lines.length; line++) {
    for (const { kind, pattern } of PATTERNS) {
      if (!applies(kind, path)) continue;
      const match = pattern.exec(lines[line]);
      if (!match) continue;
      found.push({ name: match[1], kind, file: path, startLine: line, endLine: line, doc: docCommentAbove(lines, line), parsed: false });
      break;
    }
  }
  return found;
}

/**
 * The comment right above a line (JSDoc, `//`, `#` lines), without its markers; or, for a Python `def`/`class`,
 * the docstring right below it. Empty when there is none.
 */
export function docCommentAbove(lines: readonly string[], line: number): string {
  const above: string[] = [];
  for (let i = line - 1; i >= 0 && above.length < 40; i--) {
    const text = lines[i].trim();
    if (text.startsWith('@') && !text.startsWith('@param')) continue; // decorators between the comment and the definition
    if (!/^(\/\*\*?|\*|\/\/|#(?!!))/.test(text) && !text.endsWith('*/')) break;
    above.unshift(text.replace(/^(\/\*\*?|\*\/|\*|\/\/+|#+)\s?/, '').replace(/\s*\*\/$/, ''));
  }
  const doc = above.join(' ').replace(/\s+/g, ' ').trim();
  return doc !== '' ? doc : docstringBelow(lines, line);
}

function docstringBelow(lines: readonly string[], line: number): string {
  if (!/^\s*(async\s+)?(def|class)\s/.test(lines[line] ?? '')) return '';
  const next = (lines[line + 1] ?? '').trim();
  const quote = next.startsWith('"""') ? '"""' : next.startsWith("'''") ? "'''" : undefined;
  if (!quote) return '';
  const body: string[] = [next.slice(3)];
  for (let i = line + 2; i < lines.length && !body[body.length - 1].includes(quote) && body.length < 40; i++) body.push(lines[i].trim());
  return body.join(' ').split(quote)[0].replace(/\s+/g, ' ').trim();
}
