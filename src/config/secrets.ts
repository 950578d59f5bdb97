import type { RulesFile } from './schema.js';

/** Used when `secrets.hash_key` is absent, so a development setup runs; set a real key in production. */
const DEVELOPMENT_HASH_KEY = 'phiwall-development-key-change-me';

/** The key every keyed hash derives from (pseudonymous ids, subject keys, aggregate HMACs). */
export function hashKeyOf(rules: Pick<RulesFile, 'secrets'>): string {
  return rules.secrets?.hash_key ?? DEVELOPMENT_HASH_KEY;
}
