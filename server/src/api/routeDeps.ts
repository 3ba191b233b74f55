import type { Clock } from '@arenalab/core';
import type { ApiMetrics } from './apiMetrics';
import type { CreatureRegistry } from './creature';

/** What the model routes share: the creatures, the metrics, the clock and the body limit. */
export interface RouteDeps {
  creatures: CreatureRegistry;
  metrics: ApiMetrics;
  clock: Clock;
  maxBodyBytes: number;
}
