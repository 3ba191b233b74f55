import type { Cancellation } from '../ports/cancellation';
import { countParseErrors } from './countParseErrors';
import { cursorWindow, DEFAULT_CURSOR_WINDOW_CONFIG, type CursorWindowConfig } from './cursorWindow';
import type { SyntaxService } from './syntaxService';
import { withTree } from './withTree';

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
 * Only a window around the cursor is parsed (by default 60 lines before, 30 after), so the cost does not grow with
 * the file. The trade-off: the window's cut edges can leave constructs open (a class whose header is above the
 * window, a string opened before it). Both parses see the same cut, so its errors cancel out in the comparison, but
 * the parser may recover from them differently once the candidate is in, which can occasionally hide an error the
 * candidate adds or blame it for one it does not. Errors are counted, not weighed: a candidate that fixes one
 * error and causes another passes.
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
  if (!service.supports(languageId)) return { ok: true, checked: false, errorsBefore: 0, errorsAfter: 0 };
  const window = cursorWindow(prefix, suffix, config);
  const errorsBefore = await withTree(service, languageId, window.prefix + window.suffix, countParseErrors, token);
  const errorsAfter = await withTree(service, languageId, window.prefix + candidate + window.suffix, countParseErrors, token);
  return { ok: errorsAfter <= errorsBefore, checked: true, errorsBefore, errorsAfter };
}
