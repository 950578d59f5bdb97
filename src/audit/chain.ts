import { sha256Hex } from '../common/hash.js';

// The chain's row shape and hash, shared by both adapters and the verifier.
export interface AuditRow {
  seq: number;
  time: number;
  actor: string;
  role: string;
  action: string;
  details: string;
  config_before: string | null;
  config_after: string | null;
  prev_hash: string;
  hash: string;
}

export const GENESIS = '0'.repeat(64);

/** The hash of a row covers every column but its own hash, and the previous row's hash. */
export function rowHash(r: Omit<AuditRow, 'hash'>): string {
  const fields = [r.seq, r.time, r.actor, r.role, r.action, r.details, r.config_before, r.config_after, r.prev_hash];
  return sha256Hex(JSON.stringify(fields));
}

