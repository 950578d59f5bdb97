import { defineDetector } from './define.js';
import { resetAt } from './scan.js';
import type { Detection } from './types.js';

// 8-4-4-4-12 hex, any version/variant and case, as a standalone token.
const UUID_RE =
  /(?<![0-9A-Za-z])[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![0-9A-Za-z])/g;

function scan(text: string, out: Detection[], kind: string): void {
  if (text.length < 36 || text.indexOf('-') < 0) return;
  const re = resetAt(UUID_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push({ start: m.index, end: m.index + 36, kind });
}

/** UUIDs (M/R): device, install and user ids are usually UUIDs. */
export const uuidDetector = defineDetector('uuid', '[ID]', 'M/R', scan);
