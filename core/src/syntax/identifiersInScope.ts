import type { Tree, TreeCursor } from 'web-tree-sitter';
import { CancelledError, type Cancellation } from '../ports/cancellation';
import { enclosingScopeNodes } from './enclosingScopes';
import { canAlias, IDENTIFIER_TYPES, identifierRole, type IdentifierRole, type PathStep } from './identifierRole';
import { isScopeNodeType, scopeNameNode } from './scopeOf';
import { comparePoints, toPoint, type SyntaxPosition } from './syntaxPosition';

/** A name visible at a position, with its strongest role and the line of its last occurrence before the position. */
export interface ScopeIdentifier {
  name: string;
  role: IdentifierRole;
  /** 0-based line of the occurrence nearest before the position. */
  line: number;
}

// When one name occurs in several roles, the binding role wins: a parameter that is also used stays a parameter.
const ROLE_RANK: Readonly<Record<IdentifierRole, number>> = { parameter: 5, import: 4, declaration: 3, use: 2, member: 1 };
// Subtrees that name the file's own package, not anything in scope.
const SKIPPED = new Set(['package_declaration', 'package_clause', 'comment', 'line_comment', 'block_comment']);
const CANCEL_CHECK_EVERY = 1024;

/**
 * Names declared or used before `position` in the scopes around it: imports and top-level declarations, the
 * parameters and locals of each enclosing function, names used there. Bodies of scopes that do not enclose the
 * position (sibling functions, earlier callbacks) are skipped, but their own names are kept, because those are
 * declared in the enclosing scope. Nearest occurrence first. Only occurrences that end before the position count,
 * so the word being typed at the cursor is not reported.
 */
export function identifiersInScope(tree: Tree, position: SyntaxPosition, token?: Cancellation): ScopeIdentifier[] {
  const enclosing = new Set(enclosingScopeNodes(tree, position).map((node) => node.id));
  const found = new Map<string, ScopeIdentifier>();
  const record = (name: string, role: IdentifierRole, line: number): void => {
    const known = found.get(name);
    const strongest = known && ROLE_RANK[known.role] > ROLE_RANK[role] ? known.role : role;
    if (!known || line >= known.line) found.set(name, { name, role: strongest, line });
    else known.role = strongest;
  };
  const cursor = tree.walk();
  try {
    walk(cursor, { point: toPoint(position), enclosing, record, token, visited: 0, path: [] });
  } finally {
    cursor.delete();
  }
  return [...found.values()].sort((a, b) => b.line - a.line || a.name.localeCompare(b.name));
}

interface Walk {
  point: { row: number; column: number };
  enclosing: ReadonlySet<number>;
  record: (name: string, role: IdentifierRole, line: number) => void;
  token: Cancellation | undefined;
  visited: number;
  path: PathStep[];
}

/** Depth-first over the nodes that start before the position; the cursor ends where it started. */
function walk(cursor: TreeCursor, state: Walk): void {
  if (++state.visited % CANCEL_CHECK_EVERY === 0 && state.token?.isCancelled) throw new CancelledError('Scope analysis');
  const type = cursor.nodeType;
  if (SKIPPED.has(type)) return;
  const step: PathStep = { type, field: cursor.currentFieldName };
  if (canAlias(type)) step.hasAlias = cursor.currentNode.childForFieldName('alias') !== null;
  state.path.push(step);
  try {
    if (IDENTIFIER_TYPES.has(type)) visitIdentifier(cursor, state);
    else if (type === 'import_spec') visitGoImport(cursor, state);
    if (isScopeNodeType(type) && state.path.length > 1 && !state.enclosing.has(cursor.nodeId)) {
      recordScopeName(cursor, state);
      return;
    }
    if (!cursor.gotoFirstChild()) return;
    do {
      if (comparePoints(cursor.startPosition, state.point) >= 0) break;
      walk(cursor, state);
    } while (cursor.gotoNextSibling());
    cursor.gotoParent();
  } finally {
    state.path.pop();
  }
}

function visitIdentifier(cursor: TreeCursor, state: Walk): void {
  if (comparePoints(cursor.endPosition, state.point) >= 0) return;
  const role = identifierRole(state.path);
  if (role) state.record(cursor.nodeText, role, cursor.startPosition.row);
}

/** A scope that does not enclose the position: its body is out of scope, but its name is declared around it. */
function recordScopeName(cursor: TreeCursor, state: Walk): void {
  const name = scopeNameNode(cursor.currentNode);
  if (name && IDENTIFIER_TYPES.has(name.type) && comparePoints(name.endPosition, state.point) < 0) {
    state.record(name.text, 'declaration', name.startPosition.row);
  }
}

// Go binds `import "net/http"` to the last path segment (`http`); an explicit name is an ordinary identifier.
function visitGoImport(cursor: TreeCursor, state: Walk): void {
  const node = cursor.currentNode;
  if (node.childForFieldName('name')) return;
  const path = node.childForFieldName('path')?.text.replace(/^["`]|["`]$/g, '');
  const name = path?.split('/').pop();
  if (name && /^[A-Za-z_]\w*$/.test(name) && comparePoints(node.endPosition, state.point) <= 0) {
    state.record(name, 'import', node.startPosition.row);
  }
}
