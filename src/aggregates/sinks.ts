import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { HttpClient } from '../destinations/http.js';
import { signWebhookBody } from '../destinations/webhook.js';
import type { JsonObject } from '../common/json.js';
import type { AggregateConfig } from './options.js';

/** Where released (k-anonymous) rows go. A failed sink leaves the window unreleased: it is retried next tick. */
export interface Sink {
  readonly name: string;
  write(rows: readonly JsonObject[]): Promise<{ ok: true } | { ok: false; reason: string }>;
  close(): Promise<void>;
}

class FileSink implements Sink {
  readonly name = 'file';
  constructor(private readonly path: string) {}
  async write(rows: readonly JsonObject[]) {
    try {
      mkdirSync(dirname(this.path), { recursive: true });
      appendFileSync(this.path, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
      return { ok: true as const };
    } catch (err) {
      return { ok: false as const, reason: `file write failed (${(err as NodeJS.ErrnoException).code ?? 'EIO'})` };
    }
  }
  async close(): Promise<void> {}
}

class WebhookSink implements Sink {
  readonly name = 'webhook';
  private readonly http = new HttpClient({});
  constructor(private readonly url: string, private readonly secret: string | undefined) {}
  async write(rows: readonly JsonObject[]) {
    const body = JSON.stringify({ rows });
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.secret) headers['x-phiwall-signature'] = signWebhookBody(body, this.secret);
    const out = await this.http.post(this.url, body, headers);
    if (out.kind === 'network') return { ok: false as const, reason: `network ${out.code}` };
    return out.status >= 200 && out.status < 300 ? { ok: true as const } : { ok: false as const, reason: `http ${out.status}` };
  }
  close(): Promise<void> {
    return this.http.close();
  }
}

export function buildSinks(name: string, config: AggregateConfig, dataDir: string): Sink[] {
  const sinks: Sink[] = [];
  if (config.sinks.webhook) sinks.push(new WebhookSink(config.sinks.webhook.url, config.sinks.webhook.secret));
  if (config.sinks.file) sinks.push(new FileSink(join(dataDir, 'out', `${name}.jsonl`)));
  return sinks;
}

/** Writes to every sink; the first failure stops (the caller retries the whole release later). */
export async function writeAll(sinks: readonly Sink[], rows: readonly JsonObject[]): Promise<string | undefined> {
  if (rows.length === 0) return undefined;
  for (const s of sinks) {
    const r = await s.write(rows);
    if (!r.ok) return `${s.name}: ${r.reason}`;
  }
  return undefined;
}
