import { CompletionItemKind, MarkupKind } from 'vscode-languageserver/node';
import type { CancellationToken, CompletionItem, CompletionParams } from 'vscode-languageserver/node';
import type { CompletionCandidate } from '@arenalab/core';
import type { LspContext } from '../lspContext';
import { suggestAt } from './suggestAt';

/** The sources of a suggestion as Markdown, for the completion item's documentation. */
export function provenanceMarkdown(candidate: CompletionCandidate): string {
  const sources = candidate.provenance.map((p) => {
    const where = p.file === undefined ? (p.spanId ?? 'unknown source') : `${p.file}${p.line === undefined ? '' : `:${p.line + 1}`}`;
    const accepted = p.acceptedBefore > 0 ? `, accepted ${p.acceptedBefore}× before` : '';
    return `- \`${where}\` (similarity ${p.similarity.toFixed(2)}${accepted})`;
  });
  return ['**ArenaLab** — from:', ...(sources.length > 0 ? sources : ['- no source recorded'])].join('\n');
}

/**
 * `textDocument/completion`, the fallback for clients without inline completion: the same candidates as items,
 * ranked by confidence, with confidence and method as detail and the provenance as documentation.
 */
export async function onCompletion(ctx: LspContext, params: CompletionParams, token?: CancellationToken): Promise<CompletionItem[]> {
  const shown = await suggestAt(ctx, params.textDocument.uri, params.position, token);
  return shown.map(({ id, candidate }, rank) => ({
    label: candidate.text.trim().split('\n')[0] || candidate.text,
    kind: CompletionItemKind.Text,
    detail: `ArenaLab ${candidate.confidence.toFixed(2)} · ${candidate.method}`,
    documentation: { kind: MarkupKind.Markdown, value: provenanceMarkdown(candidate) },
    textEdit: { range: candidate.range, newText: candidate.text },
    sortText: String(rank).padStart(3, '0'),
    filterText: candidate.text.trim(),
    data: { suggestionId: id },
  }));
}
