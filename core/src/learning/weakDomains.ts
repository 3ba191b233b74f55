/** One validation case's result, as the training loop groups it. */
export interface DomainCaseResult {
  domain: string;
  em: boolean;
  es: number;
}

export interface DomainScore {
  domain: string;
  cases: number;
  em: number;
  es: number;
  /** Share of cases that failed (edit similarity below the failure line). */
  failureRate: number;
}

export interface WeakDomainConfig {
  /** A case fails when its edit similarity is below this (0.5: more wrong than right); an exact match never fails. */
  failureEs: number;
  /** A domain is weak when more than this share of its cases fail. */
  maxFailureRate: number;
}

export const DEFAULT_WEAK_DOMAIN_CONFIG: Readonly<WeakDomainConfig> = { failureEs: 0.5, maxFailureRate: 0.2 };

const round = (x: number) => Math.round(x * 10000) / 10000;

/** EM, ES and failure rate per domain, in domain order. */
export function domainScores(results: readonly DomainCaseResult[], config: WeakDomainConfig = DEFAULT_WEAK_DOMAIN_CONFIG): DomainScore[] {
  const groups = new Map<string, DomainCaseResult[]>();
  for (const r of results) groups.set(r.domain, [...(groups.get(r.domain) ?? []), r]);
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([domain, rs]) => ({
      domain,
      cases: rs.length,
      em: round(rs.filter((r) => r.em).length / rs.length),
      es: round(rs.reduce((s, r) => s + r.es, 0) / rs.length),
      failureRate: round(rs.filter((r) => !r.em && r.es < config.failureEs).length / rs.length),
    }));
}

/**
 * Domains whose failure rate exceeds the limit, the worst first (a domain is weak when more than 20 % of its cases fail). Failure
 * is measured by edit similarity, not exact match: with EM around 0.2 every domain would be weak and the loop could
 * not tell where to curate.
 */
export function weakDomains(scores: readonly DomainScore[], config: WeakDomainConfig = DEFAULT_WEAK_DOMAIN_CONFIG): DomainScore[] {
  return scores.filter((s) => s.failureRate > config.maxFailureRate).sort((a, b) => b.failureRate - a.failureRate || a.domain.localeCompare(b.domain));
}
