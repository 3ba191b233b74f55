import type { DatasetInfo, DatasetsResult, DatasetVersionInfo } from '@arenalab/protocol';
import type { TreeRow } from '../shared/treeRow';

/**
 * A row of the Datasets view; its `contextValue` is `dataset`, `version`, `version.frozen`, `version.broken`, `group`,
 * `row` or `message`, and decides which context-menu commands it offers. `ref` is the dataset (and version) a command
 * run from this row acts on.
 */
export type DatasetNode = TreeRow<{ ref?: { name: string; version?: string } }>;

const BAR_WIDTH = 20;

/** A text bar for the histogram rows (the tree cannot draw): proportional to the largest bucket, at least one block. */
export function histogramBar(count: number, largest: number, width: number = BAR_WIDTH): string {
  if (count <= 0 || largest <= 0) return '';
  return '█'.repeat(Math.max(1, Math.round((count / largest) * width)));
}

/** `80` → `80–89`, `100` → `100`. */
export function bucketLabel(bucket: string): string {
  const low = Number(bucket);
  return Number.isFinite(low) && low < 100 ? `${low}–${low + 9}` : bucket;
}

const row = (id: string, label: string, description?: string, icon?: string): DatasetNode => ({ id, label, ...(description === undefined ? {} : { description }), contextValue: 'row', ...(icon ? { icon } : {}), children: [] });

function statsGroup(id: string, v: DatasetVersionInfo): DatasetNode {
  const classes = Object.entries(v.classes).map(([c, n]) => `${c} ${n}`).join(', ');
  const rows = [
    row(`${id}/spans`, 'spans', String(v.span_count)),
    row(`${id}/avg`, 'average quality', String(v.avg_quality)),
    row(`${id}/created`, 'created', v.created_at),
    row(`${id}/dates`, 'spans from', v.date_range ? `${v.date_range.start} → ${v.date_range.end}` : 'no dates'),
    row(`${id}/root`, 'Merkle root', v.merkle_root),
    ...(classes ? [row(`${id}/classes`, 'classes', classes)] : []),
  ];
  return { id: `${id}/stats`, label: 'Stats', contextValue: 'group', icon: 'info', children: rows };
}

function domainsGroup(id: string, v: DatasetVersionInfo): DatasetNode {
  const entries = Object.entries(v.domains).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return { id: `${id}/domains`, label: 'Domains', description: String(entries.length), contextValue: 'group', icon: 'symbol-namespace', children: entries.map(([d, n]) => row(`${id}/domains/${d}`, d, String(n))) };
}

function histogramGroup(id: string, v: DatasetVersionInfo): DatasetNode {
  const largest = Math.max(0, ...v.quality_histogram.map((b) => b.count));
  const rows = [...v.quality_histogram].reverse().map((b) => row(`${id}/quality/${b.bucket}`, bucketLabel(b.bucket), `${histogramBar(b.count, largest)} ${b.count}`));
  return { id: `${id}/quality`, label: 'Quality histogram', contextValue: 'group', icon: 'graph', children: rows };
}

function versionNode(name: string, v: DatasetVersionInfo): DatasetNode {
  const id = `${name}@${v.version}`;
  if (v.problem !== undefined) {
    return { id, label: v.version, description: 'broken', tooltip: v.problem, contextValue: 'version.broken', icon: 'error', ref: { name, version: v.version }, children: [row(`${id}/problem`, v.problem, undefined, 'warning')] };
  }
  return {
    id, label: v.version,
    description: `${v.span_count} spans · avg ${v.avg_quality}${v.frozen ? ' · frozen' : ''}`,
    tooltip: `${id}\nMerkle root ${v.merkle_root}\ncreated ${v.created_at}${v.frozen ? '\nfrozen: can never be overwritten' : ''}`,
    contextValue: v.frozen ? 'version.frozen' : 'version',
    icon: v.frozen ? 'lock' : 'versions',
    ref: { name, version: v.version },
    children: [statsGroup(id, v), domainsGroup(id, v), histogramGroup(id, v)],
  };
}

function datasetNode(d: DatasetInfo): DatasetNode {
  const latest = d.versions.at(-1);
  return {
    id: d.name, label: d.name,
    description: `${d.versions.length} version${d.versions.length === 1 ? '' : 's'}${latest ? ` · latest ${latest.version}` : ''}`,
    contextValue: 'dataset', icon: 'database', ref: { name: d.name },
    // Newest version first: it is the one a developer looks at.
    children: [...d.versions].reverse().map((v) => versionNode(d.name, v)),
  };
}

/** The Datasets view's rows: dataset → versions (newest first) → stats, domains, quality histogram. */
export function datasetTree(result: DatasetsResult): DatasetNode[] {
  if (result.datasets.length === 0) {
    const why = result.storeDir === undefined ? 'No workspace store: open a folder.' : 'No datasets yet: build one from the store.';
    return [{ id: 'empty', label: why, contextValue: 'message', icon: 'info', children: [] }];
  }
  return result.datasets.map(datasetNode);
}
