import type { ExplainResult, ExplainSource } from '@arenalab/protocol';
import { escapeHtml } from '../shared/escapeHtml';

/** The command a source link runs: opens a workspace-relative file at a 0-based line. */
export const OPEN_SOURCE_COMMAND = 'arenalab.openSource';

export function sourceLabel(source: ExplainSource): string {
  if (source.file !== undefined) return source.line !== undefined ? `${source.file}:${source.line + 1}` : source.file;
  return source.spanId !== undefined ? `span ${source.spanId}` : 'unknown source';
}

/** A `command:` URI that opens the source in the editor; webviews run it when command URIs are enabled. */
export function openSourceUri(file: string, line: number | undefined): string {
  return `command:${OPEN_SOURCE_COMMAND}?${encodeURIComponent(JSON.stringify([file, line ?? 0]))}`;
}

const percent = (value: number): string => `${Math.round(value * 100)}%`;

function sourceRow(source: ExplainSource): string {
  const label = escapeHtml(sourceLabel(source));
  const place = source.file !== undefined
    ? `<a href="${escapeHtml(openSourceUri(source.file, source.line))}" title="Open ${label}">${label}</a>`
    : `<span title="A stored span, not a file of this workspace">${label}</span>`;
  const accepted = source.acceptedBefore === 1 ? 'once' : `${source.acceptedBefore} times`;
  return `<tr><td>${place}</td><td class="num">${percent(source.similarity)}</td><td class="num">${accepted}</td></tr>`;
}

/**
 * The "why this suggestion" page: the suggested text, its confidence and method, and one row per source (file:line
 * linking to the source, or the span id; similarity; times accepted before). No script: the links are `command:` URIs.
 */
export function renderExplanation(result: ExplainResult, cspSource: string): string {
  const rows = result.sources.length > 0
    ? result.sources.map(sourceRow).join('\n')
    : '<tr><td colspan="3">No recorded sources.</td></tr>';
  const lines = result.text.split('\n').length;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'unsafe-inline';">
<title>Why this suggestion</title>
<style>
  body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1em; }
  pre { font-family: var(--vscode-editor-font-family); background: var(--vscode-textCodeBlock-background); padding: .6em; overflow-x: auto; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: .25em .6em; border-bottom: 1px solid var(--vscode-panel-border); }
  .num { text-align: right; white-space: nowrap; }
  a { color: var(--vscode-textLink-foreground); }
  .meta { color: var(--vscode-descriptionForeground); }
</style>
</head>
<body>
<h2>Why this suggestion</h2>
<p class="meta">Confidence <strong>${percent(result.confidence)}</strong> · method ${escapeHtml(result.method)} · ${lines} line${lines === 1 ? '' : 's'} · id ${escapeHtml(result.suggestionId)}</p>
<pre>${escapeHtml(result.text)}</pre>
<h3>Came from</h3>
<table>
<thead><tr><th>Source</th><th class="num">Similarity</th><th class="num">Accepted before</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>`;
}
