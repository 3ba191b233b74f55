import * as vscode from 'vscode';
import type { AdaptiveDebounce } from './adaptiveDebounce';
import type { SuggestionTracker, TextChange } from './suggestionTracker';

/** Context key the Escape keybinding requires, so Escape is only taken over while an ArenaLab suggestion shows. */
export const SUGGESTION_ACTIVE_CONTEXT = 'arenalab.suggestionActive';

/** Escape (package.json keybinding): report the explicit dismissal, then hide the suggestion as VS Code would. */
export const DISMISS_COMMAND = 'arenalab.dismissSuggestion';

/**
 * Accept next word / line (package.json binds Ctrl+Right / Cmd+Right while an ArenaLab suggestion shows): tells the
 * tracker the coming insertion is an acceptance, then runs VS Code's own command.
 */
export const PARTIAL_ACCEPT_COMMANDS: Readonly<Record<string, string>> = {
  'arenalab.acceptNextWord': 'editor.action.inlineSuggest.acceptNextWord',
  'arenalab.acceptNextLine': 'editor.action.inlineSuggest.acceptNextLine',
};

/** Typing is one character in or out; pastes, formatting and accepted suggestions are not part of the rhythm. */
function isKeystroke(event: vscode.TextDocumentChangeEvent): boolean {
  if (event.reason !== undefined || event.contentChanges.length !== 1) return false;
  const [change] = event.contentChanges;
  return change.text.length <= 1 && change.rangeLength <= 1 && change.text.length + change.rangeLength > 0;
}

function cursorOffset(editor: vscode.TextEditor | undefined): number {
  const selection = editor?.selection;
  // A selection is not a cursor at the suggestion: selecting text moves away from it.
  return editor && selection?.isEmpty ? editor.document.offsetAt(selection.active) : -1;
}

/**
 * Feeds the editor's events to the suggestion tracker (edits, cursor moves, focus and closed documents) and typing
 * to the adaptive debounce, and registers the Escape and accept word/line commands.
 */
export function trackSuggestionOutcomes(tracker: SuggestionTracker, debounce: AdaptiveDebounce, now: () => number): vscode.Disposable[] {
  return [
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length === 0) return;
      const uri = event.document.uri.toString();
      const changes: TextChange[] = event.contentChanges.map((c) => ({ uri, offset: c.rangeOffset, length: c.rangeLength, text: c.text }));
      tracker.documentChanged(changes);
      if (event.document === vscode.window.activeTextEditor?.document && isKeystroke(event)) debounce.keystroke(now());
    }),
    vscode.window.onDidChangeTextEditorSelection((event) => {
      if (event.textEditor !== vscode.window.activeTextEditor) return;
      tracker.cursorMoved(event.textEditor.document.uri.toString(), cursorOffset(event.textEditor));
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      tracker.cursorMoved(editor?.document.uri.toString(), cursorOffset(editor));
    }),
    vscode.workspace.onDidCloseTextDocument((document) => tracker.documentClosed(document.uri.toString())),
    vscode.commands.registerCommand(DISMISS_COMMAND, async () => {
      tracker.dismissedExplicitly();
      await vscode.commands.executeCommand('editor.action.inlineSuggest.hide');
    }),
    ...Object.entries(PARTIAL_ACCEPT_COMMANDS).map(([command, builtin]) => vscode.commands.registerCommand(command, async () => {
      tracker.partialAcceptRequested();
      await vscode.commands.executeCommand(builtin);
    })),
  ];
}

/** Mirrors whether a suggestion is tracked into the Escape keybinding's context key. */
export function setSuggestionActiveContext(active: boolean): void {
  void vscode.commands.executeCommand('setContext', SUGGESTION_ACTIVE_CONTEXT, active);
}
