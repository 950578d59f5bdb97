import type Database from 'better-sqlite3';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { sha256Hex } from '../common/hash.js';

export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface AdminIdentity { name: string; role: Role }
interface StoredKey { name: string; role: Role; digest: Buffer; source: 'config' | 'api' }

export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/**
 * Admin API keys: SHA-256 digests only, from the config (`admin.keys`) and from the database
 * (created through the API). A presented key is compared against every digest in constant
 * time, with no early exit, so timing reveals neither which key nor how much matched.
 */
export class AdminKeys {
  constructor(private readonly db: Database.Database, private readonly configKeys: () => readonly { name: string; role: Role; sha256: string }[]) {
    db.exec(`CREATE TABLE IF NOT EXISTS admin_keys (
      name TEXT PRIMARY KEY, role TEXT NOT NULL, sha256 TEXT NOT NULL, created_at INTEGER NOT NULL, revoked_at INTEGER)`);
  }

  private all(): StoredKey[] {
    const fromConfig = this.configKeys().map((k) => ({ name: k.name, role: k.role, digest: Buffer.from(k.sha256, 'hex'), source: 'config' as const }));
    const rows = this.db.prepare('SELECT name, role, sha256 FROM admin_keys WHERE revoked_at IS NULL').all() as { name: string; role: Role; sha256: string }[];
    return [...fromConfig, ...rows.map((r) => ({ name: r.name, role: r.role, digest: Buffer.from(r.sha256, 'hex'), source: 'api' as const }))];
  }

  verify(token: string | undefined): AdminIdentity | undefined {
    const presented = createHash('sha256').update(token ?? '').digest();
    let found: StoredKey | undefined;
    for (const k of this.all()) {
      const equal = k.digest.length === presented.length && timingSafeEqual(k.digest, presented);
      if (equal && token) found ??= k;
    }
    return found ? { name: found.name, role: found.role } : undefined;
  }

  /** Creates a key; the token is returned once and only its digest is kept. */
  create(name: string, role: Role, now: number): string | undefined {
    if (this.all().some((k) => k.name === name)) return undefined;
    const token = 'pwk_' + randomBytes(24).toString('base64url');
    this.db.prepare('INSERT OR REPLACE INTO admin_keys (name, role, sha256, created_at, revoked_at) VALUES (?, ?, ?, ?, NULL)').run(name, role, sha256Hex(token), now);
    return token;
  }

  /** Revokes an API-created key (config keys are removed by editing the config). */
  revoke(name: string, now: number): boolean {
    return this.db.prepare('UPDATE admin_keys SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL').run(now, name).changes > 0;
  }

  list(): { name: string; role: Role; source: 'config' | 'api' }[] {
    return this.all().map(({ name, role, source }) => ({ name, role, source }));
  }
}
