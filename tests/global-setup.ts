import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// One temp root per test run, inherited by every test process (tests/helpers/collector.ts
// tempDir): removed at the end, so runs do not leave spools and configs behind in /tmp.
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'phiwall-tests-'));
  process.env.PHIWALL_TEST_TMP = root;
  return () => rmSync(root, { recursive: true, force: true });
}
