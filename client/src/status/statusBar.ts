import * as vscode from 'vscode';
import type { StatusParams } from '@arenalab/protocol';

/** What the status bar shows; each field is updated by whoever learns it (server status, middleware, client state). */
export interface StatusModel {
  creature: string;
  enabled: boolean;
  server: 'starting' | 'running' | 'restarting' | 'stopped' | 'failed';
  index?: StatusParams;
  lastLatencyMs?: number;
  lastConfidence?: number;
  problem?: string;
  /** What runs the server (the editor's runtime or an external Node). */
  runtime?: string;
  /** Suggestions are snoozed until this local time (`14:05`). */
  snoozedUntil?: string;
  /** Suggestions only on an explicit request (arenalab.completion.mode). */
  manual?: boolean;
  /** Why the last explicit request got nothing; cleared at the next request. */
  noSuggestion?: { short: string; sentence: string };
}

export const MENU_COMMAND = 'arenalab.menu';

/** One status bar item: creature, indexing progress, last latency and confidence; a click opens the ArenaLab menu. */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('arenalab.status', vscode.StatusBarAlignment.Right, 100);
  readonly model: StatusModel;

  constructor(creature: string) {
    this.model = { creature, enabled: true, server: 'starting' };
    this.item.name = 'ArenaLab';
    this.item.command = MENU_COMMAND;
    this.render();
    this.item.show();
  }

  update(change: Partial<StatusModel>): void {
    Object.assign(this.model, change);
    this.render();
  }

  private render(): void {
    const m = this.model;
    let icon = '$(sparkle)';
    let detail = '';
    if (m.server === 'failed' || m.server === 'stopped') {
      icon = '$(error)';
      detail = m.server === 'failed' ? 'server failed' : 'server stopped';
    } else if (m.server === 'starting' || m.server === 'restarting') {
      icon = '$(sync~spin)';
      detail = m.server === 'restarting' ? 'restarting server' : 'starting';
    } else if (m.index?.state === 'indexing') {
      icon = '$(sync~spin)';
      detail = `indexing ${m.index.files} files`;
    } else if (m.index?.state === 'error') {
      icon = '$(warning)';
      detail = 'index error';
    } else if (!m.enabled) {
      icon = '$(circle-slash)';
      detail = 'off';
    } else if (m.snoozedUntil !== undefined) {
      icon = '$(bell-slash)';
      detail = `snoozed until ${m.snoozedUntil}`;
    } else if (m.manual) {
      detail = 'manual (Alt+\\)';
    }
    const parts = [m.creature];
    if (detail) parts.push(detail);
    if (m.noSuggestion) parts.push(m.noSuggestion.short);
    if (m.lastLatencyMs !== undefined) parts.push(`${Math.round(m.lastLatencyMs)} ms`);
    if (m.lastConfidence !== undefined) parts.push(`${Math.round(m.lastConfidence * 100)}%`);
    this.item.text = `${icon} ${parts.join(' · ')}`;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**ArenaLab** — creature \`${m.creature}\`\n\n`);
    const suggestions = !m.enabled ? 'off' : m.snoozedUntil !== undefined ? `snoozed until ${m.snoozedUntil}` : m.manual ? 'only when asked (Alt+\\\\)' : 'on';
    tooltip.appendMarkdown(`- suggestions: ${suggestions}\n- server: ${m.server}\n`);
    if (m.index) tooltip.appendMarkdown(`- index: ${m.index.state}, ${m.index.files} files, ${m.index.windows} windows${m.index.message ? ` (${m.index.message})` : ''}\n`);
    if (m.runtime) tooltip.appendMarkdown(`- runtime: ${m.runtime}\n`);
    if (m.index?.vectorIndex) tooltip.appendMarkdown(`- vector index: ${m.index.vectorIndex === 'hnsw' ? 'HNSW (native)' : `exact${m.index.vectorIndexReason ? ` — ${m.index.vectorIndexReason}` : ''}`}\n`);
    if (m.lastLatencyMs !== undefined) tooltip.appendMarkdown(`- last latency: ${Math.round(m.lastLatencyMs)} ms\n`);
    if (m.lastConfidence !== undefined) tooltip.appendMarkdown(`- last confidence: ${m.lastConfidence.toFixed(2)}\n`);
    if (m.noSuggestion) tooltip.appendMarkdown(`\nNo suggestion: ${m.noSuggestion.sentence}\n`);
    if (m.problem) tooltip.appendMarkdown(`\n${m.problem}\n`);
    tooltip.appendMarkdown('\nClick for the ArenaLab menu (snooze, manual mode, …).');
    this.item.tooltip = tooltip;
    this.item.backgroundColor = m.server === 'failed' || m.server === 'stopped'
      ? new vscode.ThemeColor('statusBarItem.errorBackground')
      : undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}
