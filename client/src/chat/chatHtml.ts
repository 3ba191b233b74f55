import type { ChatAnswerSource, ChatResult, ChatToolCall } from '@arenalab/protocol';
import type { ChatEntry } from './chatConversation';
import { escapeHtml } from '../shared/escapeHtml';
import { icon } from '../shared/icons';

const percent = (value: number): string => `${Math.round(value * 100)}%`;

/** The badge's colour band: the confidence bands (majority above 0.7, a guess below 0.4). */
export function confidenceBand(confidence: number): 'high' | 'medium' | 'low' {
  if (confidence > 0.7) return 'high';
  return confidence >= 0.4 ? 'medium' : 'low';
}

/** Escaped text where `code` spans become <code>: answers from chat logs quote commands that way. */
export function answerTextHtml(text: string): string {
  return escapeHtml(text).replace(/`([^`\n]+)`/g, '<code>$1</code>');
}

export function chatSourceLabel(source: ChatAnswerSource): string {
  if (source.spanId === 'tool') return 'tool output';
  if (source.file !== undefined) return source.line !== undefined ? `${source.file}:${source.line + 1}` : source.file;
  return `span ${source.spanId}`;
}

/** A source as a list item: its similarity, then a link named by the span's question (or file), or the tool. */
function sourceItem(answerId: string, source: ChatAnswerSource, index: number): string {
  const similarity = `<span class="num" title="Similarity to your question">${percent(source.similarity)}</span>`;
  if (source.spanId === 'tool') return `<li>${similarity} <span>tool output</span></li>`;
  const label = source.file === undefined && source.question ? `“${source.question}”` : chatSourceLabel(source);
  const title = source.file !== undefined ? `Open ${chatSourceLabel(source)}` : `Show span ${source.spanId}`;
  return `<li>${similarity} <a href="#" data-action="openSource" data-answer-id="${escapeHtml(answerId)}" data-index="${index}" title="${escapeHtml(title)}">${escapeHtml(label)}</a></li>`;
}

function toolCall(call: ChatToolCall): string {
  const mark = call.success ? '<span class="ok" title="succeeded">✓</span>' : '<span class="failed" title="failed">✗</span>';
  return `<div class="tool">${mark} <code>${escapeHtml(call.tool)}</code> <code class="args">${escapeHtml(JSON.stringify(call.args))}</code><pre>${escapeHtml(call.output)}</pre></div>`;
}

function constitution(result: ChatResult): string {
  const items = [
    ...result.constitution.violations.map((v) => `<li class="violation">corrected: ${escapeHtml(v)}</li>`),
    ...result.constitution.warnings.map((w) => `<li>${escapeHtml(w)}</li>`),
  ];
  return items.length === 0 ? '' : `<ul class="constitution" title="What the constitution said">${items.join('')}</ul>`;
}

function ratingButtons(result: ChatResult, rating: 'up' | 'down' | undefined): string {
  if (rating !== undefined) return `<div class="rating" data-rated="${rating}">${rating === 'up' ? `${icon('thumbs-up')} Helpful` : `${icon('thumbs-down')} Not helpful`}: thanks, stored as feedback.</div>`;
  const id = escapeHtml(result.answerId);
  return `<div class="rating"><button data-action="rate" data-answer-id="${id}" data-rating="up" title="Good answer: stored as feedback">${icon('thumbs-up')} Helpful</button>`
    + `<button data-action="rate" data-answer-id="${id}" data-rating="down" title="Bad answer: stored as feedback">${icon('thumbs-down')} Not helpful</button></div>`;
}

function answer(result: ChatResult, rating: 'up' | 'down' | undefined): string {
  const band = confidenceBand(result.confidence);
  const sources = result.provenance.length === 0
    ? ''
    : `<details class="sources"><summary>${result.provenance.length} source${result.provenance.length === 1 ? '' : 's'}</summary><ol>${result.provenance.map((s, i) => sourceItem(result.answerId, s, i)).join('')}</ol></details>`;
  return `<div class="entry answer" data-answer-id="${escapeHtml(result.answerId)}">
<div class="meta"><span class="badge ${band}" title="Confidence">${percent(result.confidence)}</span> <span class="method" title="How the answer was made">${escapeHtml(result.method)}</span></div>
<div class="text">${answerTextHtml(result.text)}</div>
${result.toolCalls.map(toolCall).join('')}${constitution(result)}${sources}${ratingButtons(result, rating)}
</div>`;
}

/** The messages of the panel, escaped; the webview's script only puts this into the page and reports clicks. */
export function renderChatEntries(entries: readonly ChatEntry[], busy: boolean): string {
  const rows = entries.map((entry) => {
    if (entry.kind === 'question') return `<div class="entry question">${escapeHtml(entry.text)}</div>`;
    if (entry.kind === 'error') return `<div class="entry error">${escapeHtml(entry.text)}</div>`;
    return answer(entry.result, entry.rating);
  });
  if (entries.length === 0) rows.push('<p class="empty">Ask a question: ArenaLab answers from the chat turns and datasets of this workspace, or with a tool (calculator, code, workspace search), and says how sure it is.</p>');
  if (busy) rows.push('<div class="entry pending" aria-live="polite">Thinking…</div>');
  return rows.join('\n');
}
