import { RequestType } from 'vscode-languageserver-protocol';

export interface GapsParams {
  /** Weakest areas returned. @default 10 */
  top?: number;
  /** Target files of the first workspace folder measured (a seeded sample). @default 200 */
  maxFiles?: number;
}

/** An example of a weak area: a line the creature got wrong or did not answer, or an unused stored span. */
export interface GapExampleInfo {
  /** `file:line` (1-based, relative to the folder) for a case; a span id (with its place) for a logged suggestion or span. */
  ref: string;
  detail: string;
  confidence?: number;
  correct?: boolean;
  quality?: number;
}

/** One area of the uncertainty map (domain × action), as `arenalab gaps --json` prints it. */
export interface GapAreaInfo {
  domain: string;
  action: string;
  observations: number;
  examples: number;
  coverage: number;
  meanConfidence: number;
  em: number | null;
  es: number | null;
  weakness: number;
  weaknessBound: number;
  sparse: boolean;
  targeted: GapExampleInfo[];
  candidates: GapExampleInfo[];
}

export interface GapsResult {
  /** The folder measured; absent without an open folder. */
  root?: string;
  storeDir?: string;
  observations: { next_line_cases: number; logged_suggestions: number };
  areas: GapAreaInfo[];
}

/** `arenalab/gaps`, client → server request: the weakest areas of the creature (the Weak areas view). */
export const GapsRequest = new RequestType<GapsParams, GapsResult, void>('arenalab/gaps');
