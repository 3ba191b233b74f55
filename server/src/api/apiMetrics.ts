import { counter, exposition, gauge, Histogram } from './prometheusText';

const LATENCY_BUCKETS_S = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const CONFIDENCE_BUCKETS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];

/** The server's Prometheus series (`/metrics`): traffic, latency, tokens, refusals and answer confidence. */
export class ApiMetrics {
  readonly requests = counter('arenalab_api_requests_total', 'HTTP requests answered, by route, method and status.');
  readonly latency = new Histogram('arenalab_api_request_duration_seconds', 'Time from request to the end of the response, by route.', LATENCY_BUCKETS_S);
  readonly tokens = counter('arenalab_api_tokens_total', 'Estimated tokens (ceil(characters / 4)) by creature and kind (prompt or completion).');
  readonly rateLimited = counter('arenalab_api_rate_limited_total', 'Requests refused with 429, by key id.');
  readonly confidence = new Histogram('arenalab_api_answer_confidence', 'Confidence (0-1) of the answers given, by creature.', CONFIDENCE_BUCKETS);
  readonly connectionsRefused = counter('arenalab_api_connections_refused_total', 'Connections closed on arrival, by reason (total or per_client limit).');
  readonly inFlight = gauge('arenalab_api_requests_in_flight', 'Requests being answered now.');
  readonly uptime = gauge('arenalab_api_uptime_seconds', 'Seconds since the server started listening.');
  readonly creatures = gauge('arenalab_api_creatures', 'Creatures loaded, by kind.');

  /** Counts the tokens of one answer and records its confidence. */
  answered(creature: string, usage: { prompt_tokens: number; completion_tokens: number }, confidence: number): void {
    this.tokens.add({ creature, kind: 'prompt' }, usage.prompt_tokens);
    this.tokens.add({ creature, kind: 'completion' }, usage.completion_tokens);
    this.confidence.observe({ creature }, confidence);
  }

  render(uptimeS: number): string {
    this.uptime.set({}, uptimeS);
    return exposition([this.requests, this.latency, this.tokens, this.rateLimited, this.connectionsRefused, this.confidence, this.inFlight, this.uptime, this.creatures]);
  }
}
