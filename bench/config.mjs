// The phiwall configuration under test: the bundled config (full HIPAA Safe Harbor pack and
// sensitive-pages pack), its file destination disabled, and four network destinations
// pointed at the local sink. Durable spool on (synchronous NORMAL, WAL, group commit).
// BENCH_DEDUP_RETRIES=false turns ingest dedup off (spool.dedup_retries), to measure its cost A/B.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const BENCH_KEY = 'bench-write-key';
export const BENCH_TID = 'G-BENCH00001';
export const BENCH_AUTH = `Basic ${Buffer.from(`${BENCH_KEY}:`).toString('base64')}`;

const ALLOW = '[event, visitor_id, page_group, page.path, page.url, page.referrer, campaign.*, ip, user_agent, locale, consent, properties.service_line, properties.form_id, properties.cta, properties.value, properties.currency]';

/** `storageUrl` (postgres://...) makes the spool the shared PostgreSQL store; else SQLite. */
export function writeBenchConfig(root, dir, sinkUrl, storageUrl) {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'phiwall.yaml');
  writeFileSync(path, `
version: 1
include: ["${join(root, 'rules/phiwall.yaml')}"]
spool: { max_rows: 50000000, max_bytes: 21474836480, synchronous: normal${process.env.BENCH_DEDUP_RETRIES === 'false' ? ', dedup_retries: false' : ''} }
${storageUrl ? `storage: { kind: postgres, url: "${storageUrl}", pool: 10 }\n` : ''}sites:
  - name: bench
    write_key: ${BENCH_KEY}
    allowed_origins: ["http://localhost:*"]
    trusted_proxies: []
    hosts: [www.northbay-health.example]
    measurement_ids: [${BENCH_TID}]
destinations:
  local_file: { type: file, enabled: false }
  ga4:
    type: ga4
    allow: ${ALLOW}
    options: { measurement_id: G-SINK000001, api_secret: bench-secret, endpoint: "${sinkUrl}" }
  meta:
    type: meta
    allow: ${ALLOW}
    options: { pixel_id: "1234567890", access_token: bench-token, endpoint: "${sinkUrl}" }
  tiktok:
    type: tiktok
    allow: ${ALLOW}
    options: { pixel_code: BENCHPIXEL, access_token: bench-token, endpoint: "${sinkUrl}" }
  webhook:
    type: webhook
    baa: true
    allow: ["**"]
    options: { url: "${sinkUrl}/hook" }
`);
  return path;
}
