import { arenalabField } from './arenalabField';
import type { ChatAnswer } from './chatBackend';
import { parseChatRequest, type ChatRequest } from './chatRequest';
import { findCreature } from './findCreature';
import { chatChunk, chatCompletionBody, limitText, responseId, streamPieces, usageOf, type ArenalabField, type ResponseHead } from './openaiShapes';
import { readJsonBody } from './readJsonBody';
import type { RequestContext } from './requestContext';
import type { RouteDeps } from './routeDeps';

function streamAnswer(ctx: RequestContext, head: ResponseHead, request: ChatRequest, text: string, finish: 'stop' | 'length', extra: { usage: object; arenalab: ArenalabField }): void {
  const stream = ctx.startStream();
  stream.send(chatChunk(head, { role: 'assistant', content: '' }, null));
  for (const piece of streamPieces(text)) stream.send(chatChunk(head, { content: piece }, null));
  stream.send(chatChunk(head, {}, finish, { arenalab: extra.arenalab }));
  if (request.includeUsageInStream) stream.send({ ...head, object: 'chat.completion.chunk', choices: [], usage: extra.usage });
  stream.done();
}

/** POST /v1/chat/completions: the conversation goes to the chat creature named by `model`. */
export async function chatCompletionsRoute(ctx: RequestContext, deps: RouteDeps): Promise<void> {
  const request = parseChatRequest(await readJsonBody(ctx.request, deps.maxBodyBytes));
  const creature = findCreature(deps.creatures, request.model, 'chat');
  ctx.creature = creature.id;
  const answer: ChatAnswer = await creature.chat.answer(request.messages, { maxTokens: request.maxTokens, temperature: request.temperature }, ctx);
  const { text, finishReason } = limitText(answer.text, request.stop, request.maxTokens);
  const usage = usageOf(request.messages.map((message) => message.content).join('\n'), text);
  deps.metrics.answered(creature.id, usage, answer.confidence);
  const head: ResponseHead = { id: responseId('chatcmpl'), created: Math.floor(deps.clock.now() / 1000), model: creature.id };
  const arenalab = arenalabField(creature, answer);
  if (request.stream) streamAnswer(ctx, head, request, text, finishReason, { usage, arenalab });
  else ctx.sendJson(200, chatCompletionBody(head, text, finishReason, usage, arenalab));
}
