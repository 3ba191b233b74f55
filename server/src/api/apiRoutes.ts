import { chatCompletionsRoute } from './chatCompletionsRoute';
import type { RequestContext } from './requestContext';
import { healthRoute, metricsRoute, modelRoute, modelsRoute, type ServiceDeps } from './serviceRoutes';
import { textCompletionsRoute } from './textCompletionsRoute';

export type RouteHandler = (ctx: RequestContext, deps: ServiceDeps, param: string) => Promise<void>;

export interface ApiRoute {
  /** The route's name in logs and metrics: the path pattern, so ids never explode the label set. */
  name: string;
  /** Needs an API key when the server has keys. */
  auth: boolean;
  /** Counts against the key's rate limits. */
  limited: boolean;
  methods: Readonly<Record<string, RouteHandler>>;
}

const ROUTES: Readonly<Record<string, ApiRoute>> = {
  '/health': { name: '/health', auth: false, limited: false, methods: { GET: healthRoute } },
  '/metrics': { name: '/metrics', auth: true, limited: false, methods: { GET: metricsRoute } },
  '/v1/models': { name: '/v1/models', auth: true, limited: true, methods: { GET: modelsRoute } },
  '/v1/models/{model}': { name: '/v1/models/{model}', auth: true, limited: true, methods: { GET: (ctx, deps, id) => modelRoute(ctx, deps, id) } },
  '/v1/chat/completions': { name: '/v1/chat/completions', auth: true, limited: true, methods: { POST: chatCompletionsRoute } },
  '/v1/completions': { name: '/v1/completions', auth: true, limited: true, methods: { POST: textCompletionsRoute } },
};

const MODEL_PATH = /^\/v1\/models\/(.+)$/;

/** The route of a request path (query string ignored), with the model id of `/v1/models/{model}`; undefined for 404. */
export function resolveRoute(url: string): { route: ApiRoute; param: string } | undefined {
  const path = url.split('?')[0];
  const exact = ROUTES[path];
  if (exact) return { route: exact, param: '' };
  const model = MODEL_PATH.exec(path);
  if (model) {
    let id: string;
    try {
      id = decodeURIComponent(model[1]);
    } catch {
      return undefined;
    }
    return { route: ROUTES['/v1/models/{model}'], param: id };
  }
  return undefined;
}
