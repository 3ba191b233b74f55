import type { Node, Point, Tree } from 'web-tree-sitter';
import { isScopeNodeType, scopeOf, type Scope } from './scopeOf';
import { comparePoints, toPoint, type SyntaxPosition } from './syntaxPosition';

/**
 * The scopes around a position, outermost first, e.g. `[{kind: 'class', name: 'Foo'}, {kind: 'method', name: 'bar'}]`.
 * Anonymous functions (callbacks, lambdas) are included with `name: null` unless bound to a name.
 */
export function enclosingScopes(tree: Tree, position: SyntaxPosition): Scope[] {
  return enclosingScopeNodes(tree, position).map((node) => scopeOf(node) as Scope);
}

/**
 * The scope nodes around a position, outermost first. Walks down from the root, at each level taking the child that
 * contains the position (binary search over children, so wide files cost log n per level).
 */
export function enclosingScopeNodes(tree: Tree, position: SyntaxPosition): Node[] {
  const point = toPoint(position);
  const indentation = tree.language.name === 'python';
  const chain: Node[] = [];
  let node: Node | null = tree.rootNode;
  while (node) {
    node = childContaining(node, point, indentation);
    if (node && isScopeNodeType(node.type) && scopeOf(node)) chain.push(node);
  }
  return chain;
}

function childContaining(node: Node, point: Point, indentation: boolean): Node | null {
  const candidate = lastChildStartingBefore(node, point);
  if (!candidate) return null;
  return reaches(candidate, point, indentation) ? candidate : null;
}

function lastChildStartingBefore(node: Node, point: Point): Node | null {
  let low = 0;
  let high = node.namedChildCount - 1;
  let found: Node | null = null;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const child = node.namedChild(middle);
    if (child && comparePoints(child.startPosition, point) <= 0) {
      found = child;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/**
 * Whether `node` (which starts at or before `point`) contains it. A node's end is exclusive (the cursor just after
 * a `}` is outside), except in unfinished code: a node ending at the point with an error inside is still open.
 * Python blocks have no closing token, so a position after a block's last statement is still inside when only
 * whitespace follows the block and the position is indented deeper than the block's first line.
 */
function reaches(node: Node, point: Point, indentation: boolean): boolean {
  const toEnd = comparePoints(point, node.endPosition);
  if (toEnd < 0) return true;
  if (toEnd === 0 && node.hasError) return true;
  if (!indentation || point.column <= node.startPosition.column) return false;
  const next = nextTokenStart(node);
  return next === undefined || comparePoints(next, point) >= 0;
}

/** Start of the first node after `node` in document order, or undefined at the end of the document. */
function nextTokenStart(node: Node): Point | undefined {
  for (let current: Node | null = node; current; current = current.parent) {
    const sibling = current.nextSibling;
    if (sibling) return sibling.startPosition;
  }
  return undefined;
}
