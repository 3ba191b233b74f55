import { ApiError, invalidParam } from './apiError';
import type { Creature, CreatureRegistry } from './creature';

/**
 * The creature a request names in `model`, with the capability the route needs: 404 `model_not_found` for an
 * unknown name (listing what is served), 400 when it cannot do this kind of request.
 */
export function findCreature<K extends 'chat' | 'completion'>(creatures: CreatureRegistry, model: string, kind: K): Creature & Required<Pick<Creature, K>> {
  const creature = creatures.get(model);
  if (!creature) {
    const served = creatures.all().filter((c) => c[kind] !== undefined).map((c) => c.id);
    const hint = served.length > 0 ? ` Models served for this route: ${served.join(', ')}.` : ' No creature served here can answer this route.';
    throw new ApiError(404, 'invalid_request_error', `The model '${model}' does not exist.${hint}`, 'model', 'model_not_found');
  }
  if (creature[kind] === undefined) {
    const route = kind === 'chat' ? '/v1/completions' : '/v1/chat/completions';
    throw invalidParam('model', `The model '${model}' cannot answer this route; it is served on ${route}.`, 'model_not_supported');
  }
  return creature as Creature & Required<Pick<Creature, K>>;
}
