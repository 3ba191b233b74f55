import { randomBytes, randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { ChatFeedbackNotification, ChatRequest } from '@arenalab/protocol';
import type { ChatAnswerSource } from '@arenalab/protocol';
import { ChatConversation } from './chatConversation';
import { renderChatEntries } from './chatHtml';
import { parseChatViewMessage, renderChatPage } from './chatPage';
import type { ChatViewMessage } from './chatPage';
import { openSource } from '../explain/explainPanel';
import type { ServerController } from '../server/serverController';
import type { SpanDocuments } from './spanDocuments';

export const CHAT_VIEW_ID = 'arenalab.chat';

/** How long a question waits for a server that is still starting before the panel says it is not running. */
const SERVER_WAIT_MS = 60_000;

export interface ChatViewDeps {
  server: ServerController;
  log: vscode.LogOutputChannel;
  spans: SpanDocuments;
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The ArenaLab chat view (activity bar): questions go to the server as `arenalab/chat`, answers come back with their
 * confidence, method, tool calls and sources; 👍/👎 go back as `arenalab/chatFeedback`. The conversation lives here,
 * so the page can be rebuilt whenever the view is shown again.
 */
export class ChatViewProvider implements vscode.WebviewViewProvider {
  private view: vscode.WebviewView | undefined;
  private conversation = new ChatConversation(randomUUID());

  constructor(private readonly deps: ChatViewDeps) {}

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    view.webview.options = { enableScripts: true, localResourceRoots: [] };
    view.webview.html = renderChatPage(randomBytes(16).toString('base64'), view.webview.cspSource);
    view.webview.onDidReceiveMessage((raw: unknown) => this.received(raw));
    view.onDidDispose(() => { this.view = undefined; });
  }

  /** Starts a new conversation (the view's title bar action). */
  clear(): void {
    this.conversation = new ChatConversation(randomUUID());
    this.render();
  }

  private received(raw: unknown): void {
    const message = parseChatViewMessage(raw);
    if (message === undefined) {
      this.deps.log.warn(`ArenaLab chat: ignored a message from the view: ${JSON.stringify(raw)}`);
      return;
    }
    this.handle(message).catch((error: unknown) => this.deps.log.error(`ArenaLab chat: ${errorText(error)}`));
  }

  private async handle(message: ChatViewMessage): Promise<void> {
    if (message.type === 'ready') this.render();
    else if (message.type === 'ask') await this.ask(message.text);
    else if (message.type === 'rate') this.rate(message.answerId, message.rating);
    else {
      const source = this.conversation.source(message.answerId, message.index);
      if (source) await this.open(source);
    }
  }

  private async ask(text: string): Promise<void> {
    const conversation = this.conversation;
    const messages = conversation.ask(text);
    if (messages === undefined) return;
    this.render();
    // A question asked while the server starts (opening the view activates the extension) waits for it.
    const running = await this.deps.server.whenRunning(SERVER_WAIT_MS);
    if (!running) {
      conversation.failed('The ArenaLab server is not running. See "ArenaLab: Show log", or "ArenaLab: Restart server".');
    } else {
      try {
        conversation.answered(await running.sendRequest(ChatRequest, { messages, conversationId: conversation.id }));
      } catch (error) {
        this.deps.log.warn(`ArenaLab chat: ${errorText(error)}`);
        conversation.failed(`No answer: ${errorText(error)}`);
      }
    }
    if (conversation === this.conversation) this.render();
  }

  private rate(answerId: string, rating: 'up' | 'down'): void {
    if (!this.conversation.rate(answerId, rating)) return;
    this.deps.server.notify(ChatFeedbackNotification, { answerId, rating });
    this.render();
  }

  /** A file source opens at its line; a stored span opens as read-only JSON. */
  private async open(source: ChatAnswerSource): Promise<void> {
    if (source.file !== undefined) await openSource(source.file, source.line);
    else await this.deps.spans.show(source.spanId, source.span ?? { id: source.spanId, question: source.question, answer: source.snippet });
  }

  private render(): void {
    void this.view?.webview.postMessage({ type: 'render', html: renderChatEntries(this.conversation.entries, this.conversation.busy), busy: this.conversation.busy });
  }
}

/** The chat view, its "New chat" title action and "ArenaLab: Open chat". */
export function registerChatView(deps: ChatViewDeps): vscode.Disposable[] {
  const provider = new ChatViewProvider(deps);
  return [
    vscode.window.registerWebviewViewProvider(CHAT_VIEW_ID, provider),
    vscode.commands.registerCommand('arenalab.newChat', () => provider.clear()),
    vscode.commands.registerCommand('arenalab.openChat', () => vscode.commands.executeCommand(`${CHAT_VIEW_ID}.focus`)),
  ];
}
