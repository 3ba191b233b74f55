import { parseCompletionRequest, type CompletionApiRequest } from './completionRequest';
import { arenalabField } from './arenalabField';
import { findCreature } from './findCreature';
import { limitText, responseId, streamPieces, textCompletionBody, usageOf, type ArenalabField, type ResponseHead, type Usage } from './openaiShapes';
import { readJsonBody } from './readJsonBody';
import type { RequestContext } from './requestContext';
import type { RouteDeps } from './routeDeps';

function streamCompletion(ctx: RequestContext, head: ResponseHead, request: CompletionApiRequest, text: string, finish: 'stop' | 'length', usage: Usage, arenalab: ArenalabField): void {
  const stream = ctx.startStream();
  for (const piece of streamPieces(text)) stream.send(textCompletionBody(head, piece, null));
  stream.send(textCompletionBody(head, '', finish, { arenalab }));
  if (request.includeUsageInStream) stream.send({ ...head, object: 'text_completion', choices: [], usage });
  stream.done();
}

/** POST /v1/completions: `prompt` is the code before the cursor, the answer its continuation from the workspace creature. */
export async function textCompletionsRoute(ctx: RequestContext, deps: RouteDeps): Promise<void> {
  const request = parseCompletionRequest(await readJsonBody(ctx.request, deps.maxBodyBytes));
  const creature = findCreature(deps.creatures, request.model, 'completion');
  ctx.creature = creature.id;
  const completion = await creature.completion.complete({ prefix: request.prompt, suffix: request.suffix, file: request.file }, ctx);
  const limited = limitText(completion.text, request.stop, request.maxTokens);
  const text = request.echo ? request.prompt + limited.text : limited.text;
  const usage = usageOf(request.prompt, limited.text);
  deps.metrics.answered(creature.id, usage, completion.confidence);
  const head: ResponseHead = { id: responseId('cmpl'), created: Math.floor(deps.clock.now() / 1000), model: creature.id };
  const arenalab = arenalabField(creature, { ...completion, trajectoriesUsed: completion.provenance.length });
  if (request.stream) streamCompletion(ctx, head, request, text, limited.finishReason, usage, arenalab);
  else ctx.sendJson(200, textCompletionBody(head, text, limited.finishReason, { usage, arenalab }));
}
