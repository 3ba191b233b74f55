import type { GapAreaInfo, GapExampleInfo, GapsResult } from '@arenalab/protocol';
import type { TreeRow } from '../shared/treeRow';

/** A place in the measured folder a targeted example points at (line is 1-based, as the server writes it). */
export interface ExamplePlace {
  /** Relative to the measured folder, `/`-separated. */
  file: string;
  line: number;
}

/**
 * A row of the Weak areas view; its `contextValue` is `area`, `group`, `example`, `candidate` or `message`. `open`
 * makes the row a link to that line of the folder `root`.
 */
export type WeakAreaNode = TreeRow<{ open?: { root: string; place: ExamplePlace } }>;

const percent = (share: number) => `${Math.round(share * 100)} %`;

/**
 * `src/a.ts:12` → `{ file: 'src/a.ts', line: 12 }`: a next-line case's ref. A logged suggestion's ref is
 * `text (span id)` and a candidate's a span id; neither is a place, so undefined.
 */
export function parseExampleRef(ref: string): ExamplePlace | undefined {
  const match = /^(.+):([1-9]\d*)$/.exec(ref);
  if (!match || /\s\(/.test(match[1])) return undefined;
  return { file: match[1], line: Number(match[2]) };
}

/** One-line summary of an area: the numbers the ranking used. */
export function areaDescription(area: GapAreaInfo): string {
  const em = area.em === null ? 'EM –' : `EM ${percent(area.em)}`;
  return `${em} · coverage ${percent(area.coverage)} · conf ${area.meanConfidence.toFixed(2)} · ${area.observations} cases${area.sparse ? ' · sparse' : ''}`;
}

function areaTooltip(area: GapAreaInfo): string {
  return [
    `${area.domain} — ${area.action}`,
    `observations: ${area.observations}${area.sparse ? ' (too few to say much)' : ''}`,
    `examples held (material): ${area.examples}`,
    `coverage (shown at the threshold): ${percent(area.coverage)}`,
    `mean confidence: ${area.meanConfidence.toFixed(3)}`,
    `exact match: ${area.em === null ? 'no known truth' : percent(area.em)}${area.es === null ? '' : ` · edit similarity ${area.es.toFixed(3)}`}`,
    `weakness: ${percent(area.weakness)} (at least ${percent(area.weaknessBound)} by the evidence)`,
  ].join('\n');
}

function exampleNode(id: string, example: GapExampleInfo, root: string | undefined): WeakAreaNode {
  const place = root === undefined ? undefined : parseExampleRef(example.ref);
  const verdict = example.correct === undefined ? 'unjudged' : example.correct ? 'right' : 'wrong';
  const confidence = example.confidence === undefined ? '' : ` · conf ${example.confidence.toFixed(2)}`;
  return {
    id, label: example.ref,
    description: `${verdict}${confidence}`,
    tooltip: `${example.ref}\n${example.detail}${place ? '\nClick to open the line.' : ''}`,
    contextValue: 'example',
    icon: example.correct === false ? 'close' : example.correct ? 'check' : 'question',
    children: [],
    ...(place && root !== undefined ? { open: { root, place } } : {}),
  };
}

function candidateNode(id: string, candidate: GapExampleInfo): WeakAreaNode {
  const quality = candidate.quality === undefined ? '' : `quality ${candidate.quality}`;
  return { id, label: candidate.detail, description: quality, tooltip: `${candidate.ref}\n${candidate.detail}\n${quality}`.trim(), contextValue: 'candidate', icon: 'lightbulb', children: [] };
}

function group(id: string, label: string, icon: string, children: WeakAreaNode[], empty: string): WeakAreaNode {
  const rows = children.length > 0 ? children : [{ id: `${id}/none`, label: empty, contextValue: 'message', children: [] }];
  return { id, label, description: String(children.length), contextValue: 'group', icon, children: rows };
}

function areaNode(area: GapAreaInfo, rank: number, root: string | undefined): WeakAreaNode {
  const id = `area/${area.domain}/${area.action}`;
  return {
    id, label: `${rank}. ${area.domain} · ${area.action}`,
    description: areaDescription(area), tooltip: areaTooltip(area),
    contextValue: 'area', icon: area.sparse ? 'circle-outline' : 'warning',
    children: [
      group(`${id}/targeted`, 'Targeted examples', 'target', area.targeted.map((e, i) => exampleNode(`${id}/targeted/${i}`, e, root)), 'No failing example recorded.'),
      group(`${id}/candidates`, 'Candidate spans', 'lightbulb', area.candidates.map((c, i) => candidateNode(`${id}/candidates/${i}`, c)), 'No unused stored span reaches the quality bar.'),
    ],
  };
}

/** The Weak areas view's rows: areas weakest first → targeted examples (links to their lines) and candidate spans. */
export function weakAreasTree(result: GapsResult): WeakAreaNode[] {
  if (result.root === undefined) return [{ id: 'no-folder', label: 'No workspace folder: open one to measure its weak areas.', contextValue: 'message', icon: 'info', children: [] }];
  if (result.areas.length === 0) {
    return [{ id: 'empty', label: 'Nothing measured yet: the folder has no next-line cases and the store no logged suggestions.', contextValue: 'message', icon: 'info', children: [] }];
  }
  return result.areas.map((area, i) => areaNode(area, i + 1, result.root));
}
