import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { CurationQueueRequest, CurationRescoreRequest, CurationVerdictRequest } from '@arenalab/protocol';
import type { CurationVerdictName } from '@arenalab/protocol';
import { CurationFlow } from './curationFlow';
import { renderCurationView } from './curationHtml';
import { parsePageMessage, renderCurationPage } from './curationPage';
import type { CurationPageMessage, CurationRenderMessage } from './curationPage';
import { parseKeyValueLines } from './keyValueLines';
import type { ServerController } from '../server/serverController';

/** Spans asked for per batch; the server scores the whole store once and hands them out newest first. */
const BATCH = 10;
const VERDICTS: readonly string[] = ['diamond', 'maybe', 'trash'];
const SERVER_WAIT_MS = 30_000;
const NOT_RUNNING = 'The ArenaLab server is not running yet: look again once the status bar says it is ready (or see "ArenaLab: Show log").';

/**
 * "ArenaLab: Curate session": one webview panel, reused. The page draws; this class talks to the server (queue,
 * verdicts, rescoring) and keeps the flow, so a reloaded page gets the same state back.
 */
export class CurationPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private flow = new CurationFlow();

  constructor(private readonly server: ServerController, private readonly log: vscode.LogOutputChannel) {}

  async show(): Promise<void> {
    if (this.panel) {
      this.panel.reveal(vscode.ViewColumn.Active);
      return;
    }
    const panel = vscode.window.createWebviewPanel('arenalab.curate', 'ArenaLab: Curate session', vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [] });
    this.panel = panel;
    this.flow = new CurationFlow();
    panel.onDidDispose(() => { this.panel = undefined; });
    panel.webview.onDidReceiveMessage((raw: unknown) => {
      const message = parsePageMessage(raw);
      if (message) this.handle(message).catch((error: unknown) => this.fail(error));
    });
    panel.webview.html = renderCurationPage(randomBytes(18).toString('base64'), panel.webview.cspSource);
  }

  private async handle(message: CurationPageMessage): Promise<void> {
    switch (message.type) {
      case 'ready': return this.flow.current === undefined ? this.loadBatch() : this.render(this.flow.mode === 'rapid' && !this.flow.judged);
      case 'refresh': return this.loadBatch();
      case 'verdict': return this.verdict(message.verdict, message.elapsedMs);
      case 'next': return this.flow.next() ? this.render(true) : this.loadBatch();
      case 'mode': {
        if (message.mode !== 'rapid' && message.mode !== 'deep') return;
        const wasDeep = this.flow.mode === 'deep';
        if (!this.flow.setMode(message.mode)) return this.loadBatch();
        return this.render(message.mode === 'rapid' && wasDeep && !this.flow.judged);
      }
      case 'rescore': return this.rescore(message);
    }
  }

  private async loadBatch(): Promise<void> {
    // Opened while the server is still starting (the command also activates the extension): wait for it.
    const running = await this.server.whenRunning(SERVER_WAIT_MS);
    if (!running) return this.problem(NOT_RUNNING);
    this.flow.setBusy(true);
    const queue = await running.sendRequest(CurationQueueRequest, { limit: BATCH });
    this.flow.load(queue);
    this.render(this.flow.mode === 'rapid');
  }

  private async verdict(verdict: string, elapsedMs: number): Promise<void> {
    const item = this.flow.current;
    const running = this.server.running();
    if (!running) return this.problem(NOT_RUNNING);
    if (!item || this.flow.judged || !VERDICTS.includes(verdict)) return;
    this.flow.setBusy(true);
    const result = await running.sendRequest(CurationVerdictRequest, { spanId: item.span.id, verdict: verdict as CurationVerdictName, elapsedMs });
    this.flow.verdictAnswered(result);
    if (!result.ok) this.log.warn(`ArenaLab: verdict on ${item.span.id} refused: ${result.reason}`);
    this.render(false);
  }

  private async rescore(message: Extract<CurationPageMessage, { type: 'rescore' }>): Promise<void> {
    const item = this.flow.current;
    const running = this.server.running();
    if (!running) return this.problem(NOT_RUNNING);
    if (!item) return;
    this.flow.rememberEnrichment({ context: message.context, metadata: message.metadata, confirmed_by: message.confirmed_by });
    const context = parseKeyValueLines(message.context);
    const metadata = parseKeyValueLines(message.metadata);
    const problems = [...context.problems.map((p) => `context ${p}`), ...metadata.problems.map((p) => `metadata ${p}`)];
    if (problems.length > 0) return this.problem(problems.join('; '));
    this.flow.setBusy(true);
    const result = await running.sendRequest(CurationRescoreRequest, { spanId: item.span.id, enrichment: { context: context.entries, metadata: metadata.entries, confirmed_by: message.confirmed_by } });
    this.flow.rescoreAnswered(result);
    this.render(false);
  }

  private problem(text: string): void {
    this.flow.showProblem(text);
    this.render(false);
  }

  private fail(error: unknown): void {
    const text = error instanceof Error ? error.message : String(error);
    this.log.error(`ArenaLab: curation request failed: ${text}`);
    this.problem(`The request failed: ${text}`);
  }

  private render(startTimer: boolean): void {
    const view = this.flow.view();
    const message: CurationRenderMessage = { type: 'render', html: renderCurationView(view), startTimer: startTimer && view.item !== undefined && view.mode === 'rapid', timeLimitMs: view.timeLimitMs };
    void this.panel?.webview.postMessage(message);
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
