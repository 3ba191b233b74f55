/** Messages the chat webview's script sends to the extension. */
export type ChatViewMessage =
  | { type: 'ready' }
  | { type: 'ask'; text: string }
  | { type: 'rate'; answerId: string; rating: 'up' | 'down' }
  | { type: 'openSource'; answerId: string; index: number };

/** Checks what came from the webview (it is a page: treat it as input). */
export function parseChatViewMessage(raw: unknown): ChatViewMessage | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const m = raw as Record<string, unknown>;
  if (m.type === 'ready') return { type: 'ready' };
  if (m.type === 'ask' && typeof m.text === 'string') return { type: 'ask', text: m.text };
  if (m.type === 'rate' && typeof m.answerId === 'string' && (m.rating === 'up' || m.rating === 'down')) return { type: 'rate', answerId: m.answerId, rating: m.rating };
  if (m.type === 'openSource' && typeof m.answerId === 'string' && Number.isInteger(m.index) && (m.index as number) >= 0) return { type: 'openSource', answerId: m.answerId, index: m.index as number };
  return undefined;
}

// The page's only script: it sends the question, reports clicks on elements with data-action, and puts the HTML the
// extension rendered (already escaped) into the message list.
const SCRIPT = `
const vscode = acquireVsCodeApi();
const list = document.getElementById('messages');
const form = document.getElementById('ask');
const input = document.getElementById('question');
const send = document.getElementById('send');
form.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (!text || send.disabled) return;
  vscode.postMessage({ type: 'ask', text });
  input.value = '';
});
input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey) { event.preventDefault(); form.requestSubmit(); }
});
document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest('[data-action]') : null;
  if (!target) return;
  event.preventDefault();
  const { action, answerId, rating, index } = target.dataset;
  vscode.postMessage({ type: action, answerId, rating, index: Number(index) });
});
window.addEventListener('message', (event) => {
  const message = event.data;
  if (message.type !== 'render') return;
  list.innerHTML = message.html;
  send.disabled = message.busy;
  list.lastElementChild?.scrollIntoView({ block: 'end' });
});
vscode.postMessage({ type: 'ready' });
`;

const STYLE = `
  .icon { vertical-align: -0.125em; }
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0; margin: 0; }
  main { display: flex; flex-direction: column; height: 100vh; }
  #messages { flex: 1; overflow-y: auto; padding: 8px; }
  .entry { margin: 0 0 10px; padding: 6px 8px; border-radius: 4px; }
  .question { background: var(--vscode-input-background); border: 1px solid var(--vscode-input-border, transparent); white-space: pre-wrap; }
  .answer { border-left: 3px solid var(--vscode-textLink-foreground); }
  .answer .text { white-space: pre-wrap; margin: 4px 0; }
  .error { color: var(--vscode-errorForeground); border: 1px solid var(--vscode-inputValidation-errorBorder, var(--vscode-errorForeground)); }
  .pending, .empty, .quote, .method, .num { color: var(--vscode-descriptionForeground); }
  .badge { display: inline-block; padding: 0 6px; border-radius: 8px; font-weight: 600; color: var(--vscode-badge-foreground); background: var(--vscode-badge-background); }
  .badge.high { background: var(--vscode-testing-iconPassed, var(--vscode-badge-background)); color: var(--vscode-editor-background); }
  .badge.low { background: var(--vscode-editorWarning-foreground, var(--vscode-badge-background)); color: var(--vscode-editor-background); }
  code, pre { font-family: var(--vscode-editor-font-family); background: var(--vscode-textCodeBlock-background); }
  pre { padding: 4px 6px; margin: 4px 0; overflow-x: auto; white-space: pre-wrap; }
  .tool { margin: 4px 0; }
  .ok { color: var(--vscode-testing-iconPassed); } .failed, .violation { color: var(--vscode-errorForeground); }
  .constitution { margin: 4px 0; padding-left: 18px; color: var(--vscode-descriptionForeground); }
  .sources ol { margin: 4px 0; padding-left: 20px; }
  a { color: var(--vscode-textLink-foreground); }
  .rating button { background: none; border: 1px solid var(--vscode-button-secondaryBackground, transparent); border-radius: 4px; cursor: pointer; margin-right: 4px; padding: 1px 6px; }
  .rating button:hover { background: var(--vscode-toolbar-hoverBackground); }
  .rating[data-rated] { color: var(--vscode-descriptionForeground); }
  form { display: flex; gap: 4px; padding: 8px; border-top: 1px solid var(--vscode-panel-border); }
  textarea { flex: 1; resize: vertical; min-height: 2.4em; font-family: inherit; color: var(--vscode-input-foreground); background: var(--vscode-input-background); border: 1px solid var(--vscode-input-border, transparent); }
  textarea:focus { outline: 1px solid var(--vscode-focusBorder); }
  #send { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 4px 10px; cursor: pointer; }
  #send:disabled { opacity: 0.5; cursor: default; }
`;

/**
 * The chat view's page: a message list and a question box. Content Security Policy: nothing remote, styles from the
 * webview only, and the one script allowed by its nonce.
 */
export function renderChatPage(nonce: string, cspSource: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>ArenaLab chat</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<main>
<div id="messages" role="log" aria-label="Conversation"></div>
<form id="ask"><textarea id="question" rows="2" placeholder="Ask ArenaLab (Enter to send, Shift+Enter for a new line)" aria-label="Question"></textarea><button id="send" type="submit">Ask</button></form>
</main>
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>`;
}
