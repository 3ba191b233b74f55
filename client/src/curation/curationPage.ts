// The curation webview's shell: a strict CSP (nothing remote, style and script only with this page's nonce), theme
// colours, and a small script that puts the extension's rendered HTML in place, runs the 5-second countdown, measures
// how long a verdict took and sends clicks and the 1/2/3 keys back. All state and rendering stay in the extension.

/** Messages the page sends to the extension. */
export type CurationPageMessage =
  | { type: 'ready' }
  | { type: 'verdict'; verdict: string; elapsedMs: number }
  | { type: 'next' }
  | { type: 'refresh' }
  | { type: 'mode'; mode: string }
  | { type: 'rescore'; context: string; metadata: string; confirmed_by: string };

/** What the extension sends: new content, and whether a fresh card's countdown starts now. */
export interface CurationRenderMessage {
  type: 'render';
  html: string;
  startTimer: boolean;
  timeLimitMs: number;
}

/** Checks a message from the webview (it is input like any other). */
export function parsePageMessage(value: unknown): CurationPageMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const m = value as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  switch (m.type) {
    case 'ready': case 'next': case 'refresh': return { type: m.type };
    case 'verdict': return typeof m.verdict === 'string' && typeof m.elapsedMs === 'number' ? { type: 'verdict', verdict: m.verdict, elapsedMs: m.elapsedMs } : undefined;
    case 'mode': return typeof m.mode === 'string' ? { type: 'mode', mode: m.mode } : undefined;
    case 'rescore': return { type: 'rescore', context: str(m.context), metadata: str(m.metadata), confirmed_by: str(m.confirmed_by) };
    default: return undefined;
  }
}

const STYLE = `
  .icon { vertical-align: -0.125em; }
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 1em 1em; }
  header { display: flex; flex-wrap: wrap; gap: .5em 1.5em; align-items: center; border-bottom: 1px solid var(--vscode-panel-border); padding: .5em 0; }
  .score { color: var(--vscode-descriptionForeground); } #xp { color: var(--vscode-charts-yellow); font-weight: bold; }
  button { font: inherit; color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: .4em .9em; border-radius: 2px; cursor: pointer; }
  button:hover:not(:disabled) { background: var(--vscode-button-hoverBackground); } button:disabled { opacity: .5; cursor: default; }
  .tab { background: var(--vscode-button-secondaryBackground); color: var(--vscode-button-secondaryForeground); }
  .tab[aria-pressed="true"] { background: var(--vscode-button-background); color: var(--vscode-button-foreground); }
  kbd { font-family: var(--vscode-editor-font-family); border: 1px solid currentColor; border-radius: 3px; padding: 0 .3em; opacity: .7; }
  .span-card { border: 1px solid var(--vscode-panel-border); background: var(--vscode-editorWidget-background); padding: .5em 1em; margin: .8em 0; border-radius: 4px; }
  .did { color: var(--vscode-symbolIcon-functionForeground, var(--vscode-textLink-foreground)); }
  pre { font-family: var(--vscode-editor-font-family); background: var(--vscode-textCodeBlock-background); padding: .5em; white-space: pre-wrap; max-height: 14em; overflow: auto; }
  .meta, .hint { color: var(--vscode-descriptionForeground); } .confirmed { color: var(--vscode-testing-iconPassed); }
  .verdicts { display: flex; gap: .8em; margin: .8em 0; } .verdict { font-size: 1.15em; padding: .6em 1.2em; }
  .timer { display: flex; align-items: center; gap: .6em; margin-top: .8em; } progress { flex: 1; height: .6em; accent-color: var(--vscode-progressBar-background); }
  #countdown.late { color: var(--vscode-errorForeground); font-weight: bold; }
  .feedback { border-left: 4px solid var(--vscode-panel-border); padding: .2em 1em; margin: .8em 0; }
  .feedback.agreed { border-color: var(--vscode-testing-iconPassed); } .feedback.disagreed, .feedback.late { border-color: var(--vscode-testing-iconFailed); }
  .message { font-size: 1.2em; font-weight: bold; } .problem { color: var(--vscode-errorForeground); }
  table { border-collapse: collapse; margin: .8em 0; } th, td { text-align: left; padding: .2em .6em; border-bottom: 1px solid var(--vscode-panel-border); vertical-align: top; }
  caption { text-align: left; font-weight: bold; padding: .3em 0; } .num { text-align: right; } ul { margin: 0; padding-left: 1.2em; }
  .delta.up { color: var(--vscode-testing-iconPassed); } .delta.down { color: var(--vscode-testing-iconFailed); }
  .deep { display: flex; flex-wrap: wrap; gap: 1em; align-items: flex-start; } .side { flex: 1; min-width: 18em; }
  .radar .ring { fill: none; stroke: var(--vscode-panel-border); } .radar .axis { stroke: var(--vscode-panel-border); }
  .radar .label { fill: var(--vscode-foreground); font-size: 13px; }
  .radar .series { stroke-width: 2; fill-opacity: .25; }
  .radar .current, .key.current { fill: var(--vscode-charts-blue); stroke: var(--vscode-charts-blue); color: var(--vscode-charts-blue); }
  .radar .before, .key.before { fill: var(--vscode-charts-orange); stroke: var(--vscode-charts-orange); color: var(--vscode-charts-orange); }
  .radar .after, .key.after { fill: var(--vscode-charts-green); stroke: var(--vscode-charts-green); color: var(--vscode-charts-green); }
  .enrich label { display: block; margin: .5em 0; } textarea, input { display: block; width: 100%; box-sizing: border-box; font-family: var(--vscode-editor-font-family);
    color: var(--vscode-input-foreground); background: var(--vscode-input-background); border: 1px solid var(--vscode-input-border, transparent); }
`;

const SCRIPT = `(function () {
  const vscode = acquireVsCodeApi();
  const app = document.getElementById('app');
  let shownAt = performance.now(), limit = 5000, interval;
  const stop = () => { if (interval !== undefined) clearInterval(interval); interval = undefined; };
  function tick() {
    const label = document.getElementById('countdown'), bar = document.getElementById('timebar');
    if (!label) return stop();
    const left = Math.max(0, limit - (performance.now() - shownAt));
    label.textContent = left > 0 ? (left / 1000).toFixed(1) + ' s' : "Time's up: no XP for this one";
    if (bar) bar.value = left;
    if (left <= 0) { label.classList.add('late'); stop(); }
  }
  window.addEventListener('message', (event) => {
    const m = event.data;
    if (!m || m.type !== 'render') return;
    app.innerHTML = m.html;
    if (m.startTimer) { stop(); limit = m.timeLimitMs; shownAt = performance.now(); interval = setInterval(tick, 100); tick(); }
    else if (!document.getElementById('countdown')) stop();
  });
  const enabled = (selector) => { const b = document.querySelector(selector); return b && !b.disabled ? b : undefined; };
  function verdict(v) {
    if (!enabled('[data-verdict="' + v + '"]')) return;
    stop();
    document.querySelectorAll('[data-verdict]').forEach((b) => { b.disabled = true; });
    vscode.postMessage({ type: 'verdict', verdict: v, elapsedMs: Math.round(performance.now() - shownAt) });
  }
  const value = (id) => { const el = document.getElementById(id); return el ? el.value : ''; };
  document.addEventListener('click', (event) => {
    const button = event.target.closest && event.target.closest('button');
    if (!button || button.disabled) return;
    if (button.dataset.verdict) verdict(button.dataset.verdict);
    else if (button.dataset.action === 'rescore') vscode.postMessage({ type: 'rescore', context: value('enrich-context'), metadata: value('enrich-metadata'), confirmed_by: value('enrich-confirmed') });
    else if (button.dataset.action) vscode.postMessage({ type: button.dataset.action, mode: button.dataset.mode });
  });
  const KEYS = { '1': 'diamond', '2': 'maybe', '3': 'trash' };
  document.addEventListener('keydown', (event) => {
    if (event.target.closest && event.target.closest('input, textarea')) return;
    if (KEYS[event.key]) { event.preventDefault(); verdict(KEYS[event.key]); }
    else if ((event.key === 'Enter' || event.key === 'ArrowRight') && enabled('[data-action="next"]')) { event.preventDefault(); vscode.postMessage({ type: 'next' }); }
  });
  vscode.postMessage({ type: 'ready' });
})();`;

/** The page shell; `nonce` must be fresh for every page (the panel makes one with a CSPRNG). */
export function renderCurationPage(nonce: string, cspSource: string): string {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(nonce)) throw new RangeError('the nonce must be at least 16 base64 characters');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${cspSource} data:; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>ArenaLab: Curate session</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<main id="app" aria-live="polite"><p class="meta">Loading the session…</p></main>
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>`;
}
