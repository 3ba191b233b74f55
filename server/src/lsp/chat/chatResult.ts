import type { ChatAnswer, ChatConstitutionReport, Span } from '@arenalab/core';
import type { KnowledgeReply } from '../../answering';
import type { ChatAnswerSource, ChatResult, ChatToolCall } from '@arenalab/protocol';
import type { HostToolAnswer } from '../../tools';

/** What a client sees of the constitution: the principles the answer broke (so it was corrected), and the warnings. */
function constitutionSummary(answer: { constitution: ChatConstitutionReport }, redactionWarning: string | undefined): ChatResult['constitution'] {
  return {
    violations: answer.constitution.violations.map((v) => `${v.principleId}: ${v.reason}`),
    warnings: [...answer.constitution.warnings.map((w) => `${w.principleId}: ${w.reason}`), ...(redactionWarning === undefined ? [] : [redactionWarning])],
  };
}

function lineOf(span: Span | undefined): number | undefined {
  const line = span?.metadata?.line;
  return typeof line === 'number' && Number.isInteger(line) && line >= 0 ? line : undefined;
}

/** The engine's answer in protocol shape; each source carries its span so a client can show it. */
export function engineChatResult(answer: ChatAnswer, answerId: string, spanOf: (id: string) => Span | undefined, redactionWarning?: string): ChatResult {
  const provenance = answer.provenance.map((p): ChatAnswerSource => {
    const span = spanOf(p.spanId);
    const line = lineOf(span);
    return {
      spanId: p.spanId, similarity: p.similarity, snippet: p.snippet, question: p.question,
      ...(p.file !== undefined ? { file: p.file } : {}),
      ...(line !== undefined ? { line } : {}),
      ...(span !== undefined ? { span } : {}),
    };
  });
  return { text: answer.text, confidence: answer.confidence, method: answer.method, provenance, toolCalls: [], constitution: constitutionSummary(answer, redactionWarning), answerId };
}

/**
 * A tool's answer in protocol shape: the tool's output is the answer and its provenance is `tool`. The answer comes
 * from the shared chat path with its secrets already redacted; `redactionWarning` says so when it had any.
 */
export function toolChatResult(answer: HostToolAnswer, answerId: string, redactionWarning?: string): ChatResult {
  const toolCalls = answer.results.map((r): ChatToolCall => ({
    tool: r.toolId, args: r.args, success: r.success, output: r.success ? (r.output?.text ?? '') : (r.error ?? 'failed'),
    ...(answer.spanId !== undefined ? { spanId: answer.spanId } : {}),
  }));
  const provenance: ChatAnswerSource[] = toolCalls.map((call) => ({ spanId: 'tool', similarity: 1, snippet: call.output.slice(0, 200), question: `${call.tool} ${JSON.stringify(call.args)}` }));
  const warnings = redactionWarning === undefined ? [] : [redactionWarning];
  return { text: answer.answer, confidence: answer.confidence / 100, method: answer.method, provenance, toolCalls, constitution: { violations: [], warnings }, answerId };
}

/**
 * The workspace knowledge creature's answer in protocol shape: each source is a file and line of the workspace (0-based
 * here, as the protocol counts) or a commit, with the quoted text as its snippet.
 */
export function knowledgeChatResult(answer: KnowledgeReply, answerId: string, redactionWarning?: string): ChatResult {
  const provenance = answer.provenance.map((p): ChatAnswerSource => ({
    spanId: p.commit !== undefined ? `commit:${p.commit}` : `${p.file ?? ''}:${p.line ?? 0}`,
    similarity: p.similarity,
    snippet: p.snippet ?? '',
    ...(p.file !== undefined ? { file: p.file } : {}),
    ...(p.line !== undefined ? { line: p.line - 1 } : {}),
  }));
  return { text: answer.output, confidence: answer.confidence, method: answer.method, provenance, toolCalls: [], constitution: constitutionSummary(answer, redactionWarning), answerId };
}
