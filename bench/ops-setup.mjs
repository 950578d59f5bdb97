// Set-up shared by the in-process stage benches (batch-ops.mjs, deliver-ops.mjs), from the checkout
// they measure (`--root`): a sink child process, the bench config in a temp dir, the corpus's
// 20-event batch bodies, and the parse the server does before Runtime.ingest.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export async function opsSetup(root, prefix) {
  const load = (path) => import(pathToFileURL(join(root, path)).href);
  const { writeBenchConfig, BENCH_AUTH } = await load('bench/config.mjs');
  const { startPortPrinter } = await load('bench/proc.mjs');
  const { batchRequests, freshRequest, loadCorpus } = await load('bench/workload.mjs');
  const { parseSegmentBody } = await load('src/ingest/segment.ts');
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const sink = await startPortPrinter([join(root, 'bench/sink.mjs')]);
  const config = writeBenchConfig(root, dir, sink.url);
  const requests = batchRequests(loadCorpus(root), BENCH_AUTH);
  let next = 0;
  const body = () => freshRequest(requests[next++ % requests.length]).body;
  const parse = (rt, text) => {
    const limits = rt.plan.limits;
    const { events } = parseSegmentBody(JSON.parse(text), 'batch', { depth: limits.depth, keys: limits.keys, eventBytes: limits.eventBytes });
    // What enrich() adds from the HTTP request (src/server/ingest.ts).
    for (const ev of events) ev.context = { ...ev.context, ip: '203.0.113.7', userAgent: ev.context?.userAgent ?? 'Mozilla/5.0 (bench)' };
    return events;
  };
  return { dir, sink, config, body, parse };
}
