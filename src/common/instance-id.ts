import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// A process's name in database claims that must survive its restart: an aggregate release it
// claimed and failed to send is retried by the same data directory at once after a restart,
// instead of waiting out the claim's lease (RELEASE_LEASE_MS) as if another instance held it.
// One running process per directory (the data directory, or a cluster worker's own `w<N>`
// directory) is already what the spool's consumer claim and the audit journals assume.

export const INSTANCE_ID_FILE = 'instance-id';
const VALID = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * The id kept in `<dir>/instance-id`, made on first use. Undefined when the file can neither be
 * read nor made (a read-only directory): the caller then uses a fresh id per process, as before.
 */
export function stableInstanceId(dir: string): string | undefined {
  const path = join(dir, INSTANCE_ID_FILE);
  const read = (): string | undefined => {
    try {
      const id = readFileSync(path, 'utf8').trim();
      return VALID.test(id) ? id : undefined;
    } catch {
      return undefined; // absent or unreadable: made below, or not stable at all
    }
  };
  const existing = read();
  if (existing !== undefined) return existing;
  try {
    mkdirSync(dir, { recursive: true });
    // `wx`: two processes making it at once keep the first one's id.
    writeFileSync(path, randomUUID() + '\n', { flag: 'wx', mode: 0o600 });
  } catch {
    // EEXIST (made meanwhile, read below) or the directory is not writable (undefined below).
  }
  return read();
}
