import { createHash } from 'node:crypto';

/** Lowercase hex SHA-256, the form every ad API expects for hashed identifiers. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
