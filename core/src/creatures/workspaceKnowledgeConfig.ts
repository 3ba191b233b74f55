import { ConfigError } from '../util';

/** Settings of the workspace knowledge creature. */
export interface WorkspaceKnowledgeConfig {
  /**
   * Below this confidence the answer is "not sure" and quotes nothing as an answer (it may list the closest places).
   * Bounds: 0–1.
   * @default 0.5
   */
  showThreshold: number;
  /** Most sources quoted in one answer. Bounds: 1–20. @default 5 */
  maxSources: number;
  /** Lines retrieved (BM25) before they are scored by how much of the question they cover. Bounds: 10–5000. @default 300 */
  candidateLines: number;
}

export const DEFAULT_WORKSPACE_KNOWLEDGE_CONFIG: Readonly<WorkspaceKnowledgeConfig> = { showThreshold: 0.5, maxSources: 5, candidateLines: 300 };

function check(field: keyof WorkspaceKnowledgeConfig, value: number, min: number, max: number, integer: boolean): void {
  if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw new ConfigError('BAD_WORKSPACE_KNOWLEDGE_CONFIG', 'workspace knowledge', field, value, `${integer ? 'a whole number ' : ''}in ${min}–${max}`);
  }
}

/** The defaults with `overrides` applied, each checked against its bounds (ConfigError otherwise). */
export function resolveWorkspaceKnowledgeConfig(overrides: Partial<WorkspaceKnowledgeConfig> = {}): WorkspaceKnowledgeConfig {
  const config = { ...DEFAULT_WORKSPACE_KNOWLEDGE_CONFIG, ...overrides };
  check('showThreshold', config.showThreshold, 0, 1, false);
  check('maxSources', config.maxSources, 1, 20, true);
  check('candidateLines', config.candidateLines, 10, 5000, true);
  return config;
}
