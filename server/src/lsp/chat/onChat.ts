import { MAX_CHAT_MESSAGE_CHARS } from '@arenalab/core';
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import type { CancellationToken, RemoteConsole } from 'vscode-languageserver/node';
import type { ChatParams, ChatResult } from '@arenalab/protocol';
import type { ChatPlace, WorkspaceChat } from './workspaceChat';

/** What a chat request uses: the workspace's chat, the log for bad params, and where it reads and works now. */
export interface ChatDeps {
  readonly chat: WorkspaceChat;
  readonly console: RemoteConsole;
  readonly place: ChatPlace;
}

const ROLES = ['user', 'assistant', 'system'];

/** Every problem of the params in one line, or undefined when they are fine. */
export function chatParamsProblem(params: unknown): string | undefined {
  if (typeof params !== 'object' || params === null) return 'arenalab/chat: params must be an object { messages, conversationId? }';
  const { messages, conversationId } = params as Partial<ChatParams>;
  const problems: string[] = [];
  if (!Array.isArray(messages) || messages.length === 0) {
    problems.push('messages: expected a non-empty list of { role, content }');
  } else {
    messages.forEach((m, i) => {
      if (typeof m !== 'object' || m === null || !ROLES.includes(m.role)) problems.push(`messages[${i}].role: expected one of ${ROLES.join(', ')}`);
      else if (typeof m.content !== 'string') problems.push(`messages[${i}].content: expected a string`);
      // The same limit as the API's: routing and matching are bounded for messages within it.
      else if (m.content.length > MAX_CHAT_MESSAGE_CHARS) problems.push(`messages[${i}].content: ${m.content.length} characters long; the limit is ${MAX_CHAT_MESSAGE_CHARS}`);
    });
    if (problems.length === 0 && !messages.some((m) => m.role === 'user' && m.content.trim() !== '')) problems.push('messages: no user message with a question');
  }
  if (conversationId !== undefined && typeof conversationId !== 'string') problems.push('conversationId: expected a string');
  return problems.length === 0 ? undefined : `arenalab/chat: ${problems.join('; ')}`;
}

/**
 * `arenalab/chat`: the workspace's chat answers the conversation's last question. Bad params are an InvalidParams
 * error the client can show (not an empty answer that would look like "I don't know"); `$/cancelRequest` stops the
 * engine between steps.
 */
export async function onChat(deps: ChatDeps, params: ChatParams, token?: CancellationToken): Promise<ChatResult | ResponseError<void>> {
  const problem = chatParamsProblem(params);
  if (problem !== undefined) {
    deps.console.warn(problem);
    return new ResponseError(ErrorCodes.InvalidParams, problem);
  }
  const cancellation = { get isCancelled() { return token?.isCancellationRequested ?? false; } };
  return deps.chat.answer(params, deps.place, cancellation);
}
