import type { BetaMap } from './betaCalibration';
import { applyBetaMap, fitBetaMap, IDENTITY_BETA_MAP } from './betaCalibration';
import { checkConfidence } from './expectedCalibrationError';

/** A labelled raw score: how sure the engine was, in which mode and language, and whether it was exactly right. */
export interface GroupedCalibrationSample {
  raw: number;
  mode: string;
  language: string;
  correct: boolean;
}

export interface GroupedCalibrationOptions {
  /**
   * How many samples' worth of evidence a parent's map counts as when a group is fitted: the global map starts from
   * the identity, a mode from the global map, a language in a mode from the mode's map. Small groups stay near their parent; large ones follow
   * their own data.
   */
  priorStrength: number;
}

export interface SerializedGroupedCalibration {
  global: BetaMap;
  modes: Record<string, BetaMap>;
  groups: Record<string, BetaMap>;
  samples: number;
}

const groupKey = (mode: string, language: string) => `${mode}\u0000${language}`;

function byKey<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const points = (samples: readonly GroupedCalibrationSample[]) => samples.map((s) => ({ confidence: s.raw, correct: s.correct }));

/**
 * The raw score → probability of being exactly right, per mode and language, fitted hierarchically (global, then
 * each mode shrunk toward it, then each language within a mode shrunk toward the mode). Unfitted, it is the
 * identity, so an engine that has not calibrated yet returns its raw score.
 */
export class GroupedCalibration {
  private constructor(private readonly maps: SerializedGroupedCalibration | undefined) {}

  static identity(): GroupedCalibration {
    return new GroupedCalibration(undefined);
  }

  static fit(samples: readonly GroupedCalibrationSample[], options: GroupedCalibrationOptions): GroupedCalibration {
    samples.forEach((s, i) => checkConfidence(s.raw, `samples[${i}]`));
    if (samples.length === 0) return GroupedCalibration.identity();
    // The global map is shrunk toward the identity like every group toward its parent: few samples, small change.
    const global = fitBetaMap(points(samples), IDENTITY_BETA_MAP, options.priorStrength);
    const modes: Record<string, BetaMap> = {};
    for (const [mode, list] of byKey(samples, (s) => s.mode)) modes[mode] = fitBetaMap(points(list), global, options.priorStrength);
    const groups: Record<string, BetaMap> = {};
    for (const [key, list] of byKey(samples, (s) => groupKey(s.mode, s.language))) {
      groups[key] = fitBetaMap(points(list), modes[list[0].mode], options.priorStrength);
    }
    return new GroupedCalibration({ global, modes, groups, samples: samples.length });
  }

  get fitted(): boolean {
    return this.maps !== undefined;
  }

  /** Samples the map was fitted on; 0 unfitted. */
  get samples(): number {
    return this.maps?.samples ?? 0;
  }

  /** The calibrated probability; a mode or language never seen falls back to its parent's map. */
  calibrate(raw: number, mode: string, language: string): number {
    const maps = this.maps;
    if (maps === undefined) return raw;
    const map = maps.groups[groupKey(mode, language)] ?? maps.modes[mode] ?? maps.global;
    return applyBetaMap(map, raw);
  }

  toJSON(): SerializedGroupedCalibration | null {
    return this.maps === undefined ? null : structuredCloneMaps(this.maps);
  }
}

function structuredCloneMaps(maps: SerializedGroupedCalibration): SerializedGroupedCalibration {
  const copy = (record: Record<string, BetaMap>) => Object.fromEntries(Object.entries(record).map(([k, m]) => [k.replace('\u0000', '/'), { ...m }]));
  return { global: { ...maps.global }, modes: copy(maps.modes), groups: copy(maps.groups), samples: maps.samples };
}
