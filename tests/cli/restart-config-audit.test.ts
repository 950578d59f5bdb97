import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exited, spawnCollector } from '../helpers/child-collector.js';
import { tempDir, writeConfig } from '../helpers/collector.js';
import { loadConfig } from '../../src/config/load.js';
import { configHash } from '../../src/governance/governance.js';

// A compliance officer reading the audit chain must see every change of the config, including an
// edit made while a single-process collector (`serve --workers 1`) was stopped: the next start
// records `config.reload` (details.at: start) from the hash the chain showed last, then its
// `config.load`. A restart with the same config records only the load.

const base = `
version: 1
sites: [{ name: web, write_key: demo }]
destinations:
  sink: { type: file, baa: false, allow: [event] }
`;

function audit(dataDir: string) {
  const db = new Database(join(dataDir, 'governance.db'), { readonly: true });
  try {
    const rows = db.prepare("SELECT action, details, config_before, config_after FROM audit_log WHERE action LIKE 'config.%' ORDER BY seq").all() as Array<{ action: string; details: string; config_before: string | null; config_after: string | null }>;
    return rows.map((r) => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> }));
  } finally { db.close(); }
}

async function runOnce(configPath: string, dataDir: string): Promise<void> {
  const c = await spawnCollector(configPath, dataDir, { PHIWALL_WORKERS: '1' });
  c.child.kill('SIGTERM');
  expect(await exited(c.child)).toBe(0);
}

describe('phiwall serve --workers 1 started again after its config was edited', () => {
  it('records the change made while it was stopped, once', async () => {
    const dataDir = tempDir();
    const configPath = writeConfig(base);
    const first = configHash(loadConfig(configPath).rules);
    await runOnce(configPath, dataDir);
    writeFileSync(configPath, `${base}  extra: { type: file, baa: false, allow: [event] }\n`);
    const second = configHash(loadConfig(configPath).rules);
    await runOnce(configPath, dataDir);
    await runOnce(configPath, dataDir);
    const rows = audit(dataDir);
    expect(rows.map((r) => r.action)).toEqual(['config.load', 'config.reload', 'config.load', 'config.load']);
    expect(rows[1]).toMatchObject({ config_before: first, config_after: second, details: { result: 'applied', at: 'start' } });
    expect(rows[1]!.details).not.toHaveProperty('worker');
    expect(rows.slice(2).map((r) => r.config_after)).toEqual([second, second]);
  }, 90_000);
});
