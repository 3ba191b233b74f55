import type { Cancellation } from '../ports';
import { scopeOf, withTree, type SyntaxNode, type SyntaxService } from '../syntax';
import { docCommentAbove, lexicalDefinitions } from './lexicalDefinitions';
import type { KnowledgeDefinition } from './knowledgeSources';

// A scope that starts where a lexical definition starts is the same definition; the parse knows where it ends.
function mergeByStartLine(parsed: KnowledgeDefinition[], lexical: readonly KnowledgeDefinition[]): KnowledgeDefinition[] {
  const starts = new Set(parsed.map((d) => `${d.startLine}:${d.name}`));
  return [...parsed, ...lexical.filter((d) => !starts.has(`${d.startLine}:${d.name}`))].sort((a, b) => a.startLine - b.startLine);
}

function namedScopes(root: SyntaxNode, path: string, lines: readonly string[]): KnowledgeDefinition[] {
  const found: KnowledgeDefinition[] = [];
  const cursor = root.walk();
  try {
    let descend = true;
    for (;;) {
      if (descend) {
        const scope = scopeOf(cursor.currentNode);
        if (scope && scope.name !== null && /^[A-Za-z_$][\w$.]*$/.test(scope.name)) {
          const start = scope.startLine;
          found.push({ name: scope.name, kind: scope.kind, file: path, startLine: start, endLine: scope.endLine, doc: docCommentAbove(lines, start), parsed: true });
        }
        if (cursor.gotoFirstChild()) continue;
      }
      if (cursor.gotoNextSibling()) {
        descend = true;
        continue;
      }
      if (!cursor.gotoParent()) break;
      descend = false;
    }
  } finally {
    cursor.delete();
  }
  return found;
}

/**
 * The definitions of a file: the named scopes of its tree-sitter parse (classes, functions, methods, interfaces,
 * with where each ends) when the syntax service has its grammar, plus what the lexical patterns find that a scope
 * does not cover (constants, type aliases); the lexical patterns alone otherwise.
 */
export async function fileDefinitions(path: string, language: string | undefined, text: string, syntax: SyntaxService | undefined, token: Cancellation): Promise<KnowledgeDefinition[]> {
  const lexical = lexicalDefinitions(path, text);
  if (!syntax || !language || !syntax.supports(language)) return lexical;
  const lines = text.split('\n');
  const parsed = await withTree(syntax, language, text, (tree) => namedScopes(tree.rootNode, path, lines), token);
  return mergeByStartLine(parsed, lexical);
}
