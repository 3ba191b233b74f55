import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import type { AdaptiveDebounce } from './adaptiveDebounce';
import { inComment } from './commentFilter';
import { ghostText } from './ghostText';
import { languageEnabled, readSettings } from '../settings';
import type { StatusBar } from '../status/statusBar';
import { noSuggestionText } from '../status/noSuggestionText';
import type { NoSuggestionReason } from '../status/noSuggestionText';
import type { DisplayedSuggestion, SuggestionTracker } from './suggestionTracker';

/** The client command an item runs when accepted: it reports `accepted` through the outcome tracker. */
export const ACCEPT_COMMAND = 'arenalab.inlineSuggestionAccepted';

export interface InlineCompletionDeps {
  status: StatusBar;
  tracker: SuggestionTracker;
  debounce: AdaptiveDebounce;
  /** The developer is now looking at this suggestion (for explain and the status bar's confidence). */
  onDisplayed(id: string): void;
  now(): number;
  /** When suggestions are snoozed until (`14:05`), or undefined. */
  snoozedUntil(): string | undefined;
  /** The server's reason (arenalab/noSuggestion) for the request at this place, taken once. */
  takeServerReason(uri: string, position: vscode.Position): NoSuggestionReason | undefined;
}

type ProvideInline = NonNullable<Middleware['provideInlineCompletionItems']>;

/** Resolves true after `ms`, or false as soon as the request is cancelled (the developer kept typing). */
function pause(ms: number, token: vscode.CancellationToken): Promise<boolean> {
  return new Promise((resolve) => {
    if (ms <= 0) return resolve(!token.isCancellationRequested);
    const timer = setTimeout(() => { sub.dispose(); resolve(!token.isCancellationRequested); }, ms);
    const sub = token.onCancellationRequested(() => { clearTimeout(timer); sub.dispose(); resolve(false); });
  });
}

/** The server puts each item's suggestion id in its accept command; the item now runs the client's command instead. */
function routeAcceptCommand(item: vscode.InlineCompletionItem): string | undefined {
  const id = item.command?.arguments?.[0];
  if (typeof id !== 'string') return undefined;
  item.command = { title: 'ArenaLab: suggestion accepted', command: ACCEPT_COMMAND, arguments: [id] };
  return id;
}

/**
 * The first item as VS Code displays it: ghost text at the cursor, after the part of the item's range already typed.
 * Undefined when VS Code would not display it as ghost text (a snippet, or text that does not continue the line).
 */
function displayed(document: vscode.TextDocument, position: vscode.Position, item: vscode.InlineCompletionItem, ids: (string | undefined)[]): DisplayedSuggestion | undefined {
  const id = ids[0];
  if (id === undefined || typeof item.insertText !== 'string') return undefined;
  const start = item.range?.start ?? position;
  if (start.isAfter(position)) return undefined;
  const before = document.getText(new vscode.Range(start, position));
  const ghost = ghostText(item.insertText, before);
  if (ghost === undefined) return undefined;
  return {
    id,
    uri: document.uri.toString(),
    anchor: document.offsetAt(position),
    before,
    ghost,
    alternatives: ids.slice(1).filter((other): other is string => other !== undefined),
  };
}

/** Why the client asks nothing here, or undefined when it asks the server. */
function clientReason(settings: ReturnType<typeof readSettings>, languageId: string, linePrefix: string, snoozedUntil: string | undefined): NoSuggestionReason | undefined {
  if (!settings.enabled) return { reason: 'disabled' };
  if (snoozedUntil !== undefined) return { reason: 'snoozed', snoozedUntil };
  if (!languageEnabled(settings, languageId)) return { reason: 'language-off' };
  if (!settings.suggestInComments && inComment(languageId, linePrefix)) return { reason: 'in-comment' };
  return undefined;
}

/**
 * Inline completion middleware: skips snoozes, disabled languages and comments (unless enabled), asks nothing on
 * automatic triggers in manual mode, waits for the debounce on automatic triggers (an explicit Alt+\ asks at once),
 * measures the server's latency, and registers the displayed suggestion with the outcome tracker. An explicit request
 * that gets nothing says why in the status bar.
 */
export function inlineCompletionMiddleware(deps: InlineCompletionDeps): ProvideInline {
  return async (document, position, context, token, next) => {
    const settings = readSettings(document);
    const explicit = context.triggerKind === vscode.InlineCompletionTriggerKind.Invoke;
    if (explicit) deps.status.update({ noSuggestion: undefined });
    const line = document.lineAt(position.line).text;
    const linePrefix = line.slice(0, position.character);
    const skipped = clientReason(settings, document.languageId, linePrefix, deps.snoozedUntil());
    if (skipped !== undefined) {
      if (explicit) deps.status.update({ noSuggestion: noSuggestionText(skipped) });
      return null;
    }
    if (!explicit && settings.mode === 'manual') return null;
    if (context.triggerKind === vscode.InlineCompletionTriggerKind.Automatic) {
      const delay = deps.debounce.delayMs(settings.debounce, { linePrefix, lineSuffix: line.slice(position.character) });
      if (!(await pause(delay, token))) return null;
    }
    const version = document.version;
    const started = deps.now();
    const result = await next(document, position, context, token);
    const latency = deps.now() - started;
    deps.debounce.latency(latency);
    deps.status.update({ lastLatencyMs: latency });
    const items = Array.isArray(result) ? result : result?.items ?? [];
    const serverReason = deps.takeServerReason(document.uri.toString(), position);
    if (explicit && items.length === 0 && serverReason !== undefined && !token.isCancellationRequested) deps.status.update({ noSuggestion: noSuggestionText(serverReason) });
    if (items.length > 0) deps.status.update({ noSuggestion: undefined });
    const ids = items.map(routeAcceptCommand);
    // A cancelled or outdated answer is never displayed, so it is not reported as shown.
    if (items.length === 0 || token.isCancellationRequested || document.version !== version) return result;
    const suggestion = displayed(document, position, items[0], ids);
    if (suggestion) deps.onDisplayed(deps.tracker.shown(suggestion));
    return result;
  };
}
