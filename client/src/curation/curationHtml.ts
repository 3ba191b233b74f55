import { CURATION_DIMENSIONS } from '@arenalab/protocol';
import type { CurationItem, CurationQuality, CurationSpanView } from '@arenalab/protocol';
import type { CurationViewState, VerdictFeedback } from './curationFlow';
import { escapeHtml } from '../shared/escapeHtml';
import { icon } from '../shared/icons';
import { radarChartSvg } from './radarChart';

// The curation page's content, rendered from the flow's state in the extension (pure, tested) and put into the
// webview's #app by its small script. Every value that came from a span or the server is escaped.

const VERDICTS = [
  { verdict: 'diamond', label: `${icon('thumbs-up')} Diamond`, key: '1' },
  { verdict: 'maybe', label: `${icon('question')} Maybe`, key: '2' },
  { verdict: 'trash', label: `${icon('thumbs-down')} Trash`, key: '3' },
] as const;

const CLASS_NAMES: Record<CurationQuality['class'], string> = { diamond: 'diamond', needs_enrichment: 'needs enrichment', discarded: 'discarded' };

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

function valueText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function fieldList(title: string, record: Record<string, unknown> | undefined): string {
  const entries = Object.entries(record ?? {});
  if (entries.length === 0) return '';
  const rows = entries.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(valueText(v))}</dd>`).join('');
  return `<details class="fields"><summary>${escapeHtml(title)} (${entries.length})</summary><dl>${rows}</dl></details>`;
}

/** The span as a card: who did what to what, when, how it ended, and its context and metadata folded. */
export function spanCard(span: CurationSpanView): string {
  const outcome = span.if_ok !== undefined ? `<h4>if ok</h4><pre>${escapeHtml(span.if_ok)}</pre>` : '';
  const failure = span.if_not !== undefined ? `<h4>if not</h4><pre>${escapeHtml(span.if_not)}</pre>` : '';
  const confirmed = span.confirmed_by !== undefined ? `<p class="confirmed">✓ confirmed by ${escapeHtml(span.confirmed_by)}</p>` : '<p class="meta">not confirmed</p>';
  return `<article class="span-card" data-span-id="${escapeHtml(span.id)}">`
    + `<p class="headline"><strong>${escapeHtml(span.who)}</strong> <span class="did">${escapeHtml(span.did)}</span> <code>${escapeHtml(span.this)}</code></p>`
    + `<p class="meta">${escapeHtml(span.when)} · ${escapeHtml(span.status)} · ${escapeHtml(span.source)} · ${escapeHtml(span.id)}</p>`
    + outcome + failure + confirmed + fieldList('context', span.context) + fieldList('metadata', span.metadata)
    + '</article>';
}

/** The meter's five dimensions with the rules that moved each. */
export function breakdownTable(quality: CurationQuality): string {
  const rows = quality.dimensions.map((d) => `<tr><th scope="row">${escapeHtml(d.name)}</th><td class="num">${d.score}</td><td><ul>${d.reasons.map((r) => `<li>${escapeHtml(r)}</li>`).join('')}</ul></td></tr>`).join('');
  return `<table class="breakdown"><caption>Quality meter: ${quality.total} (${escapeHtml(CLASS_NAMES[quality.class] ?? quality.class)})</caption>`
    + `<thead><tr><th>dimension</th><th class="num">score</th><th>why</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function scoreBar(state: CurationViewState): string {
  const { score } = state;
  return `<div class="score" role="status"><span id="xp" data-xp="${score.xp}">${score.xp} XP</span> · level ${score.level}`
    + ` · <span id="streak">streak ${score.streak}</span> (best ${score.bestStreak}) · ${score.agreed}/${score.judged} agreed with the meter`
    + ` · ${plural(state.remaining, 'span')} to judge</div>`;
}

function modeTabs(state: CurationViewState): string {
  const tab = (mode: string, label: string) => `<button type="button" class="tab" data-action="mode" data-mode="${mode}" aria-pressed="${state.mode === mode}">${label}</button>`;
  return `<nav class="tabs">${tab('rapid', `${icon('zap')} Rapid fire`)}${tab('deep', `${icon('search')} Deep analysis`)}</nav>`;
}

function verdictButtons(state: CurationViewState): string {
  const disabled = state.busy || state.feedback !== undefined ? ' disabled' : '';
  return `<div class="verdicts">${VERDICTS.map((v) => `<button type="button" class="verdict ${v.verdict}" data-verdict="${v.verdict}"${disabled}>${v.label} <kbd>${v.key}</kbd></button>`).join('')}</div>`;
}

function countdown(limitMs: number): string {
  return `<div class="timer"><progress id="timebar" max="${limitMs}" value="${limitMs}"></progress> <span id="countdown">${(limitMs / 1000).toFixed(1)} s</span></div>`;
}

function feedbackPanel(feedback: VerdictFeedback): string {
  const meter = `The meter: ${escapeHtml(feedback.expected)} (${feedback.quality.total}).`;
  const details = feedback.outcome === 'agreed' ? '' : breakdownTable(feedback.quality);
  return `<section class="feedback ${feedback.outcome}" id="feedback"><p class="message">${escapeHtml(feedback.message)}</p><p class="meta">${meter}</p>${details}`
    + `<button type="button" class="next" data-action="next">Next span <kbd>Enter</kbd></button></section>`;
}

function emptyQueue(): string {
  return '<section class="empty"><p>Nothing left to judge in this workspace\'s store.</p><button type="button" data-action="refresh">Look again</button></section>';
}

function rapidFire(state: CurationViewState, item: CurationItem): string {
  const timer = state.feedback === undefined ? countdown(state.timeLimitMs) : '';
  return `${timer}${spanCard(item.span)}${verdictButtons(state)}${state.feedback ? feedbackPanel(state.feedback) : ''}`
    + '<p class="hint">Judge before the time runs out: 1 diamond, 2 maybe, 3 trash. A late verdict is saved but earns no XP.</p>';
}

const axes = CURATION_DIMENSIONS as readonly string[];
const valuesOf = (q: CurationQuality) => axes.map((name) => q.dimensions.find((d) => d.name === name)?.score ?? 0);

function comparison(state: CurationViewState): string {
  const r = state.rescore;
  if (r === undefined) return '';
  const rows = [...axes, 'total_score'].map((name) => {
    const before = name === 'total_score' ? r.before.total : valuesOf(r.before)[axes.indexOf(name)];
    const after = name === 'total_score' ? r.after.total : valuesOf(r.after)[axes.indexOf(name)];
    const delta = r.delta[name] ?? 0;
    return `<tr><th scope="row">${escapeHtml(name === 'total_score' ? 'total' : name)}</th><td class="num">${before}</td><td class="num">${after}</td><td class="num delta ${delta > 0 ? 'up' : delta < 0 ? 'down' : ''}">${delta > 0 ? '+' : ''}${delta}</td></tr>`;
  }).join('');
  return `<table class="compare" id="compare"><caption>Rescored: ${escapeHtml(CLASS_NAMES[r.before.class])} → ${escapeHtml(CLASS_NAMES[r.after.class])}</caption>`
    + `<thead><tr><th>dimension</th><th class="num">before</th><th class="num">after</th><th class="num">change</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function enrichForm(state: CurationViewState): string {
  const disabled = state.busy ? ' disabled' : '';
  const { context, metadata, confirmed_by: confirmedBy } = state.enrichment;
  return '<form class="enrich">'
    + `<label>Context (one <code>key = value</code> a line: environment, stakes, …)<textarea id="enrich-context" rows="3" placeholder="environment = programming/typescript&#10;stakes = medium">${escapeHtml(context)}</textarea></label>`
    + `<label>Metadata (<code>key = value</code> lines)<textarea id="enrich-metadata" rows="2" placeholder="reviewer = ana">${escapeHtml(metadata)}</textarea></label>`
    + `<label>Confirmed by<input id="enrich-confirmed" type="text" placeholder="npm test passed" value="${escapeHtml(confirmedBy)}"></label>`
    + `<button type="button" data-action="rescore"${disabled}>Rescore and compare</button></form>`;
}

function deepAnalysis(state: CurationViewState, item: CurationItem): string {
  const r = state.rescore;
  const series = r
    ? [{ label: `before ${r.before.total}`, values: valuesOf(r.before), className: 'before' }, { label: `after ${r.after.total}`, values: valuesOf(r.after), className: 'after' }]
    : [{ label: `quality ${item.quality.total}`, values: valuesOf(item.quality), className: 'current' }];
  const legend = series.map((s) => `<span class="key ${s.className}">■ ${escapeHtml(s.label)}</span>`).join(' ');
  return `<div class="deep"><figure class="chart">${radarChartSvg(axes, series)}<figcaption>${legend}</figcaption></figure>`
    + `<div class="side">${spanCard(r?.span ?? item.span)}${enrichForm(state)}${comparison(state)}</div></div>${breakdownTable(r?.after ?? item.quality)}`;
}

/** The page content for the current state. */
export function renderCurationView(state: CurationViewState): string {
  const problem = state.problem ? `<p class="problem" role="alert">${escapeHtml(state.problem)}</p>` : '';
  const body = state.item === undefined ? emptyQueue() : state.mode === 'deep' ? deepAnalysis(state, state.item) : rapidFire(state, state.item);
  return `<header>${modeTabs(state)}${scoreBar(state)}</header>${problem}${body}`;
}
