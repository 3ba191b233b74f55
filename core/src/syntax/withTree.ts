import type { Tree } from 'web-tree-sitter';
import type { Cancellation } from '../ports/cancellation';
import type { SyntaxService } from './syntaxService';

/** Parses `text`, hands the tree to `use` and deletes it afterwards, so short-lived trees cannot leak. */
export async function withTree<T>(
  service: SyntaxService,
  languageId: string,
  text: string,
  use: (tree: Tree) => T,
  token?: Cancellation,
): Promise<T> {
  const tree = await service.parse(languageId, text, undefined, token);
  try {
    return use(tree);
  } finally {
    tree.delete();
  }
}
