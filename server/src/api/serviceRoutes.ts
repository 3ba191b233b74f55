import { ApiError } from './apiError';
import type { Creature } from './creature';
import { PROMETHEUS_CONTENT_TYPE } from './prometheusText';
import type { RequestContext } from './requestContext';
import type { RouteDeps } from './routeDeps';

/** The span store behind the server, as `/health` reports it. */
export interface StoreStatus {
  ok: boolean;
  path?: string;
  records?: number;
  head_hash?: string;
  message?: string;
}

export interface ServiceDeps extends RouteDeps {
  startedAt: number;
  storeStatus?: () => StoreStatus;
}

function kindsOf(creature: Creature): string[] {
  return [creature.chat ? 'chat' : undefined, creature.completion ? 'completion' : undefined].filter((kind): kind is string => kind !== undefined);
}

function modelObject(creature: Creature) {
  return {
    id: creature.id,
    object: 'model' as const,
    created: creature.created,
    owned_by: creature.ownedBy,
    arenalab: { description: creature.description, capabilities: kindsOf(creature), ledger_hash: creature.ledgerHash, ledger_kind: creature.ledgerKind, ...(creature.profile ? { profile: creature.profile } : {}) },
  };
}

/** GET /v1/models: the creatures, in OpenAI's list format. */
export async function modelsRoute(ctx: RequestContext, deps: ServiceDeps): Promise<void> {
  ctx.sendJson(200, { object: 'list', data: deps.creatures.all().map(modelObject) });
}

/** GET /v1/models/{id}: one creature, or OpenAI's 404. */
export async function modelRoute(ctx: RequestContext, deps: ServiceDeps, id: string): Promise<void> {
  const creature = deps.creatures.get(id);
  if (!creature) throw new ApiError(404, 'invalid_request_error', `The model '${id}' does not exist.`, 'model', 'model_not_found');
  ctx.sendJson(200, modelObject(creature));
}

/** GET /health: for probes and people; `degraded` (still 200: the creatures answer) when the store is not readable. */
export async function healthRoute(ctx: RequestContext, deps: ServiceDeps): Promise<void> {
  const store = deps.storeStatus?.() ?? null;
  const status = store && !store.ok ? 'degraded' : 'ok';
  ctx.sendJson(200, {
    status,
    uptime_s: Math.max(0, Math.round((deps.clock.now() - deps.startedAt) / 1000)),
    creatures: deps.creatures.all().map((creature) => ({ id: creature.id, capabilities: kindsOf(creature) })),
    store,
  });
}

/** GET /metrics: the Prometheus exposition. */
export async function metricsRoute(ctx: RequestContext, deps: ServiceDeps): Promise<void> {
  ctx.sendText(200, deps.metrics.render(Math.max(0, (deps.clock.now() - deps.startedAt) / 1000)), PROMETHEUS_CONTENT_TYPE);
}
