import type { DeadScrub, LeasedItem } from './port.js';

// How both spool adapters store a row's governance metadata (EnqueueRow.subjectKeys) in one
// TEXT column: subject keys are base64url HMACs, so a comma never occurs inside one.
// NULL means "spooled before the column existed"; '' means "no subjects" (a cookieless event).
export const joinKeys = (keys: readonly string[] | undefined): string | null => (keys === undefined ? null : keys.join(','));
export const splitKeys = (text: string | null | undefined): string[] | undefined => (text == null ? undefined : text ? text.split(',') : []);

/** A dead letter's scrub facts (port.ts DeadScrub) from its columns, in either adapter. */
export function toDeadScrub(id: string, version: string | null, scrubbedAt: number | null, enqueuedAt: number): DeadScrub {
  const out: DeadScrub = { id, enqueuedAt };
  if (version !== null) out.policyVersion = version;
  if (scrubbedAt !== null) out.scrubbedAt = scrubbedAt;
  return out;
}

/** A leased outbox row's governance columns onto its item (either adapter; NULL: not stored). */
export function withRowMeta(item: LeasedItem, version: string | null, keys: string | null, scrubbedAt: number | null): LeasedItem {
  if (version !== null) item.policyVersion = version;
  const subjectKeys = splitKeys(keys);
  if (subjectKeys) item.subjectKeys = subjectKeys;
  if (scrubbedAt !== null) item.scrubbedAt = scrubbedAt;
  return item;
}
