import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disclosureReport, reportText } from '../../src/audit/report.js';
import { DEMO_AUTH, REPO, readOutput, startCollector, waitFor, writeConfig, type Collector } from '../helpers/collector.js';
import type { Label } from '../helpers/leak-check.js';

const corpusDir = join(REPO, 'tests/fixtures/corpus');
const bodies = readFileSync(join(corpusDir, 'events.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { body: { batch: Record<string, unknown>[] } }).body);
const labels = readFileSync(join(corpusDir, 'labels.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Label);
// Short forms (3-digit zip prefixes, "hiv") would match unrelated text such as counters.
const canaries = [...new Set(labels.flatMap((l) => l.canaries.flatMap((c) => c.forms)).filter((f) => f.length >= 6).map((f) => f.toLowerCase()))];

function leaked(text: string): string[] {
  const t = text.toLowerCase();
  return canaries.filter((f) => t.includes(f));
}

describe('dev corpus: no PHI in logs, metrics, stored errors or error bodies; the disclosure ledger', () => {
  let c: Collector;
  let echo: Server;
  const logs: string[] = [];
  const errorBodies: string[] = [];

  beforeAll(async () => {
    // A vendor that rejects everything and quotes the request back in its error.
    echo = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => { body += d.toString(); });
      req.on('end', () => { res.writeHead(400, { 'content-type': 'application/json' }); res.end(JSON.stringify({ error: { message: `bad payload ${body.slice(0, 2000)}` } })); });
    });
    await new Promise<void>((r) => echo.listen(0, '127.0.0.1', () => r()));
    const port = (echo.address() as { port: number }).port;
    const config = `
version: 1
include: ["${join(REPO, 'rules/phiwall.yaml')}"]
audit: { per_event_ledger: true }
destinations:
  meta_ads:
    type: file
    baa: false
    allow: [event, visitor_id, page_group, page.path, page.url, page.title, name, page.referrer, campaign.*, properties.*, traits.*, ip, user_agent]
  rejecting:
    type: webhook
    baa: false
    allow: [event, page.path, properties.*]
    options: { url: "http://127.0.0.1:${port}/hook" }
    delivery: { max_attempts: 1 }
`;
    const stream = new Writable({ write(chunk: Buffer, _enc, done) { logs.push(chunk.toString()); done(); } });
    c = await startCollector({ configPath: writeConfig(config), logger: pino({ level: 'debug' }, stream) });
    for (const body of bodies) {
      const r = await fetch(`${c.url}/v1/batch`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: DEMO_AUTH }, body: JSON.stringify(body) });
      expect(r.status).toBe(200);
    }
    for (const body of bodies.slice(0, 200)) {
      const variants: [Record<string, string>, string][] = [
        [{ authorization: 'Basic ' + Buffer.from('wrong-key:').toString('base64') }, JSON.stringify(body)],
        [{ authorization: DEMO_AUTH }, JSON.stringify({ batch: body.batch.map((e) => ({ ...e, type: 'bogus' })) })],
        [{ authorization: DEMO_AUTH }, JSON.stringify(body).slice(0, -3)],
        [{ authorization: DEMO_AUTH, 'content-type': 'application/xml' }, JSON.stringify(body)],
      ];
      for (const [headers, text] of variants) {
        const r = await fetch(`${c.url}/v1/batch`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: text });
        expect(r.status).toBeGreaterThanOrEqual(400);
        errorBodies.push(await r.text());
      }
    }
    await waitFor(() => c.runtime.spool.stats(), (s) => s.pending === 0, 60_000);
  }, 120_000);
  afterAll(async () => { await c.close(); await new Promise((r) => echo.close(r)); });

  it('has canaries to look for and produced logs, error bodies and dead letters', async () => {
    expect(canaries.length).toBeGreaterThan(1000);
    expect(logs.length).toBeGreaterThan(0);
    expect(errorBodies.length).toBe(800);
    expect((await c.runtime.spool.listDead('rejecting', 10_000)).length).toBeGreaterThan(500);
  });

  it('no canary in logs, /metrics, dead-letter reasons or HTTP error bodies', async () => {
    const metrics = await (await fetch(`${c.url}/metrics`)).text();
    const dead = (await c.runtime.spool.listDead('rejecting', 10_000)).map((d) => `${d.code} ${d.reason}`).join('\n');
    expect(leaked(logs.join(''))).toEqual([]);
    expect(leaked(metrics)).toEqual([]);
    expect(leaked(dead)).toEqual([]);
    expect(leaked(errorBodies.join('\n'))).toEqual([]);
    const audit = (await c.runtime.governance.audit.list(10_000)).map((r) => JSON.stringify(r)).join('\n');
    expect(leaked(audit)).toEqual([]);
  });

  it('the ledger counts what each destination received, with field names only', () => {
    const from = Date.now() - 3_600_000;
    const to = Date.now() + 3_600_000;
    for (const dest of ['meta_ads', 'local_file']) {
      const report = disclosureReport(c.runtime.governance.db, dest, from, to);
      expect(report.total).toBe(readOutput(c.dataDir, dest).length);
      expect(report.perEventRows).toBe(report.total);
      expect(report.policyVersions).toEqual([c.runtime.plan.version]);
      const fields = report.hours.flatMap((h) => h.fields);
      expect(fields).toContain('event_type');
      expect(leaked(fields.join('\n'))).toEqual([]);
      expect(report.newFields.length).toBe(new Set(fields).size);
      if (process.env.PHIWALL_PRINT_REPORT && dest === 'meta_ads') process.stdout.write(reportText(report));
    }
    expect(disclosureReport(c.runtime.governance.db, 'rejecting', from, to).total).toBe(0);
  });
});
