import type { Creature } from './creature';
import type { ArenalabField } from './openaiShapes';

/** The `arenalab` block for an answer of `creature`; `ledger_hash` is the creature's (see LedgerKind). */
export function arenalabField(creature: Creature, answer: { confidence: number; method: string; trajectoriesUsed: number; provenance: readonly object[]; redactedSecrets?: string[]; creature?: string }): ArenalabField {
  return {
    confidence: answer.confidence,
    trajectories_used: answer.trajectoriesUsed,
    method: answer.method,
    ledger_hash: creature.ledgerHash,
    ledger_kind: creature.ledgerKind,
    provenance: answer.provenance.map((entry) => ({ ...entry })),
    ...(answer.redactedSecrets && answer.redactedSecrets.length > 0 ? { redacted_secrets: [...answer.redactedSecrets] } : {}),
    ...(answer.creature !== undefined && answer.creature !== creature.id ? { answered_by: answer.creature } : {}),
  };
}
