import { detectDomain, GENERAL_DOMAIN } from '../spans/detectDomain';
import type { Span } from '../spans/span';

/** The span's domain: `context.environment` when given, else the domain detected from its text. */
export function spanDomain(span: Span): string {
  const environment = span.context?.environment?.trim();
  if (environment) return environment.toLowerCase();
  return detectDomain(`${span.this}\n${span.if_ok ?? ''}`) || GENERAL_DOMAIN;
}

/** First path segment: `programming/typescript` → `programming`. */
export function topLevelDomain(domain: string): string {
  return domain.split('/')[0] || GENERAL_DOMAIN;
}
