import type { Node, Tree } from 'web-tree-sitter';

/**
 * Number of ERROR and MISSING nodes in a tree or subtree. Subtrees without errors are skipped (tree-sitter keeps a
 * `hasError` flag on every node), so a clean file costs one check.
 */
export function countParseErrors(treeOrNode: Tree | Node): number {
  const root = 'rootNode' in treeOrNode ? treeOrNode.rootNode : treeOrNode;
  return countIn(root);
}

function countIn(node: Node): number {
  if (!node.hasError && !node.isMissing) return 0;
  let count = node.isError || node.isMissing ? 1 : 0;
  for (let i = 0; i < node.childCount; i++) {
    const child = node.child(i);
    if (child) count += countIn(child);
  }
  return count;
}
