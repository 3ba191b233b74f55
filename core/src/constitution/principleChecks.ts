import { redactSecrets } from '../secrets/redactSecrets';
import type { ConstitutionConfig } from './constitutionConfig';
import { harmCategories } from './harmPatterns';
import type { PrincipleCheckId, ReviewedOutput } from './principle';
import { DISTRESS_MARKERS, EMPATHY_MARKERS, markersIn, OVERCLAIM_MARKERS, UNCERTAINTY_MARKERS, UNSOURCED_CLAIM_PATTERNS } from './textMarkers';

/** What a check found; the engine adds the principle's id, enforcement and priority. */
export interface Finding {
  reason: string;
  evidence?: string[];
  contentBased: boolean;
}

type Check = (output: ReviewedOutput, config: ConstitutionConfig) => Finding | undefined;

const percent = (share: number) => `${Math.round(share * 100)}%`;

function honesty(output: ReviewedOutput, config: ConstitutionConfig): Finding | undefined {
  const claims = UNSOURCED_CLAIM_PATTERNS.map((pattern) => pattern.exec(output.text)?.[0]).filter((m): m is string => m !== undefined);
  if (claims.length > 0) return { reason: 'states an unsourced claim as established fact', evidence: claims, contentBased: true };
  if (output.confidence < config.honestyConfidence && markersIn(output.text, UNCERTAINTY_MARKERS).length === 0) {
    return { reason: `confidence is ${percent(output.confidence)} (below ${percent(config.honestyConfidence)}) but the answer does not say it is unsure`, contentBased: false };
  }
  return undefined;
}

function harmlessness(output: ReviewedOutput): Finding | undefined {
  // The seed checked only the output; a harmful request is refused even when the answer looks innocent.
  const inOutput = harmCategories(output.text);
  const inRequest = output.request === undefined ? [] : harmCategories(output.request);
  if (inOutput.length > 0) return { reason: `the output contains harmful content (${inOutput.join(', ')})`, evidence: inOutput, contentBased: true };
  if (inRequest.length > 0) return { reason: `the request asks for harmful content (${inRequest.join(', ')})`, evidence: inRequest, contentBased: true };
  return undefined;
}

function helpfulness(output: ReviewedOutput, config: ConstitutionConfig): Finding | undefined {
  const words = output.text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  return words < config.minHelpfulWords ? { reason: `the answer has ${words} word${words === 1 ? '' : 's'}; say what is known or what is missing`, contentBased: false } : undefined;
}

function empathy(output: ReviewedOutput): Finding | undefined {
  const distress = output.request === undefined ? [] : markersIn(output.request, DISTRESS_MARKERS);
  if (distress.length === 0 || markersIn(output.text, EMPATHY_MARKERS).length > 0) return undefined;
  return { reason: 'the person sounds distressed and the answer does not acknowledge it', evidence: distress, contentBased: false };
}

function humility(output: ReviewedOutput, config: ConstitutionConfig): Finding | undefined {
  const claims = markersIn(output.text, OVERCLAIM_MARKERS);
  if (claims.length === 0 || output.confidence >= config.humilityConfidence) return undefined;
  return { reason: `overclaims ("${claims.join('", "')}") at ${percent(output.confidence)} confidence`, evidence: claims, contentBased: false };
}

function noSecrets(output: ReviewedOutput, config: ConstitutionConfig): Finding | undefined {
  const kinds = Object.keys(redactSecrets(output.text, config.redaction).counts);
  return kinds.length > 0 ? { reason: `the output contains what looks like a secret (${kinds.join(', ')})`, evidence: kinds, contentBased: true } : undefined;
}

function noExcludedContent(output: ReviewedOutput, config: ConstitutionConfig): Finding | undefined {
  const excluded = (output.sourceFiles ?? []).filter((file) => config.isExcludedFile?.(file) === true);
  return excluded.length > 0 ? { reason: `the output was retrieved from excluded file${excluded.length === 1 ? '' : 's'} ${excluded.join(', ')}`, evidence: excluded, contentBased: false } : undefined;
}

/** The code behind each check id a principle may name. */
export const PRINCIPLE_CHECKS: Readonly<Record<PrincipleCheckId, Check>> = Object.freeze({
  honesty,
  helpfulness,
  harmlessness,
  empathy,
  humility,
  no_secrets: noSecrets,
  no_excluded_content: noExcludedContent,
});
