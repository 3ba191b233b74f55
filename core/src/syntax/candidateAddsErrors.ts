import type { Tree } from 'web-tree-sitter';
import type { Cancellation } from '../ports/cancellation';
import { countParseErrors } from './countParseErrors';
import { cursorWindow, DEFAULT_CURSOR_WINDOW_CONFIG, type CursorWindowConfig } from './cursorWindow';
import { editForChange } from './editForChange';
import type { SyntaxService } from './syntaxService';

/** How the candidate check works; the window bounds its cost (see `cursorWindow`). */
export type CandidateCheckConfig = CursorWindowConfig;

export const DEFAULT_CANDIDATE_CHECK_CONFIG: Required<CandidateCheckConfig> = DEFAULT_CURSOR_WINDOW_CONFIG;

export interface CandidateCheck {
  /** True when the candidate adds no parse error (always true when the language could not be checked). */
  ok: boolean;
  /** Whether a grammar was available; false means `ok` is a pass-through, not a verdict. */
  checked: boolean;
  /** ERROR + MISSING nodes in the window without the candidate, and with it. */
  errorsBefore: number;
  errorsAfter: number;
}

/**
 * Whether inserting `candidate` at the cursor adds parse errors, compared with the same window without it.
 *
 * Only a window around the cursor is parsed (by default 60 lines before, 30 after, plus the header lines of the
 * blocks open at its start), so the cost does not grow with the file. The trade-off: the window's cut edges can
 * leave constructs open (a multi-line header, an expression that started above the window). Both parses see the
 * same cut, so its errors cancel out in the comparison, but the parser may recover from them differently once the
 * candidate is in, which can occasionally hide an error the candidate adds or blame it for one it does not. Errors
 * are counted, not weighed: a candidate that fixes one error and causes another passes.
 */
export async function candidateAddsErrors(
  service: SyntaxService,
  languageId: string,
  prefix: string,
  candidate: string,
  suffix: string,
  config: CandidateCheckConfig = {},
  token?: Cancellation,
): Promise<CandidateCheck> {
  const [check] = await candidatesAddErrors(service, languageId, prefix, [candidate], suffix, config, token);
  return check;
}

/**
 * `candidateAddsErrors` for several candidates at one cursor: the window without a candidate is parsed once, and
 * each candidate is an incremental reparse of that tree (tree-sitter reuses every subtree the insertion does not
 * touch), which is cheaper than parsing the window again.
 */
export async function candidatesAddErrors(
  service: SyntaxService,
  languageId: string,
  prefix: string,
  candidates: readonly string[],
  suffix: string,
  config: CandidateCheckConfig = {},
  token?: Cancellation,
): Promise<CandidateCheck[]> {
  if (!service.supports(languageId)) return candidates.map(() => ({ ok: true, checked: false, errorsBefore: 0, errorsAfter: 0 }));
  const window = cursorWindow(prefix, suffix, config);
  const before = window.context + window.prefix;
  const text = before + window.suffix;
  const base = await service.parse(languageId, text, undefined, token);
  try {
    const errorsBefore = countParseErrors(base);
    const checks: CandidateCheck[] = [];
    for (const candidate of candidates) {
      const errorsAfter = await errorsWith(service, languageId, base, text, before.length, candidate, token);
      checks.push({ ok: errorsAfter <= errorsBefore, checked: true, errorsBefore, errorsAfter });
    }
    return checks;
  } finally {
    base.delete();
  }
}

/**
 * The same check against a tree the caller already holds for the whole document (an editor keeps one per open
 * file): the candidate is an incremental reparse of a copy of `tree`, so no window is needed and nothing is cut.
 * `tree` must match `text` and stays owned by the caller; `offset` is the cursor's UTF-16 offset in `text`.
 */
export async function candidateAddsErrorsInTree(
  service: SyntaxService,
  languageId: string,
  tree: Tree,
  text: string,
  offset: number,
  candidate: string,
  token?: Cancellation,
): Promise<CandidateCheck> {
  const errorsBefore = countParseErrors(tree);
  const errorsAfter = await errorsWith(service, languageId, tree, text, offset, candidate, token);
  return { ok: errorsAfter <= errorsBefore, checked: true, errorsBefore, errorsAfter };
}

async function errorsWith(
  service: SyntaxService,
  languageId: string,
  base: Tree,
  text: string,
  at: number,
  candidate: string,
  token: Cancellation | undefined,
): Promise<number> {
  // `edit` changes a tree in place, so each candidate edits its own copy of the base tree.
  const old = base.copy();
  try {
    old.edit(editForChange(text, { start: at, oldEnd: at, newText: candidate }));
    const tree = await service.parse(languageId, text.slice(0, at) + candidate + text.slice(at), old, token);
    try {
      return countParseErrors(tree);
    } finally {
      tree.delete();
    }
  } finally {
    old.delete();
  }
}
