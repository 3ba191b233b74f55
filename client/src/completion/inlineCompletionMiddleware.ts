import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import type { AdaptiveDebounce } from './adaptiveDebounce';
import { inComment } from './commentFilter';
import { ghostText } from './ghostText';
import { languageEnabled, readSettings } from '../settings';
import type { StatusBar } from '../status/statusBar';
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

/**
 * Inline completion middleware: skips disabled languages and comments (unless enabled), waits for the debounce on
 * automatic triggers (an explicit Alt+\ asks at once), measures the server's latency, and registers the displayed
 * suggestion with the outcome tracker.
 */
export function inlineCompletionMiddleware(deps: InlineCompletionDeps): ProvideInline {
  return async (document, position, context, token, next) => {
    const settings = readSettings();
    if (!languageEnabled(settings, document.languageId)) return null;
    const line = document.lineAt(position.line).text;
    const linePrefix = line.slice(0, position.character);
    if (!settings.suggestInComments && inComment(document.languageId, linePrefix)) return null;
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
    const ids = items.map(routeAcceptCommand);
    // A cancelled or outdated answer is never displayed, so it is not reported as shown.
    if (items.length === 0 || token.isCancellationRequested || document.version !== version) return result;
    const suggestion = displayed(document, position, items[0], ids);
    if (suggestion) deps.onDisplayed(deps.tracker.shown(suggestion));
    return result;
  };
}
