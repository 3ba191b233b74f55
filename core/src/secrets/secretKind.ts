/** Every kind of secret the redactor knows; the replacement text is `<redacted:KIND>`. */
export const SECRET_KINDS = [
  'private_key',
  'jwt',
  'aws_access_key',
  'gcp_api_key',
  'github_token',
  'gitlab_token',
  'npm_token',
  'slack_token',
  'stripe_key',
  'openai_key',
  'anthropic_key',
  'azure_key',
  'aws_secret_key',
  'password',
  'high_entropy',
] as const;

export type SecretKind = (typeof SECRET_KINDS)[number];

/** Per-kind number of secrets replaced; kinds that were not found are absent. */
export type SecretCounts = Partial<Record<SecretKind, number>>;

/** The text a secret of `kind` is replaced with. */
export function redactionMarker(kind: SecretKind): string {
  return `<redacted:${kind}>`;
}
