// An open-loop, evenly paced load for "p99 at half of the maximum throughput".
// autocannon's rate limit releases each connection's per-second quota at the start of every
// second (a burst, then silence), and its coordinated-omission correction uses an expected
// interval of ceil(1 / rate) = 1 ms, so its latencies at a fixed rate measure the burst, not the
// server. Here requests are scheduled uniformly (rate / 1000 per millisecond) and each latency is
// measured from its scheduled time, so a stalled server still shows its queueing delay.
// Whose wait a slow request was: the workers' own event-loop lateness and GC pauses over the run
// (phiwall's /metrics, src/observability/loop-delay.ts; absent on a server without them), and this
// client's own lateness (a paused load generator sends late, and that counts as latency here).
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Pool } from 'undici';
import { freshRequest } from './workload.mjs';

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** The server's /metrics as { 'name{labels}': value }, or undefined (no such route, not Prometheus text). */
async function scrape(url) {
  try {
    const res = await fetch(`${url}/metrics`);
    if (!res.ok) return undefined;
    const out = {};
    for (const m of (await res.text()).matchAll(/^(phiwall_(?:event_loop_delay|gc_pause)_seconds\w*(?:\{[^}]*\})?) (\S+)$/gm)) out[m[1]] = Number(m[2]);
    return out;
  } catch { return undefined; }
}

/** GC pauses (all kinds) between two scrapes: how many, and how many over 10 ms. */
function gcPauses(before, after) {
  const sum = (snap, re) => Object.entries(snap ?? {}).filter(([k]) => re.test(k)).reduce((a, [, v]) => a + v, 0);
  const count = sum(after, /^phiwall_gc_pause_seconds_count/) - sum(before, /^phiwall_gc_pause_seconds_count/);
  const upTo10 = sum(after, /^phiwall_gc_pause_seconds_bucket\{le="0\.01"/) - sum(before, /^phiwall_gc_pause_seconds_bucket\{le="0\.01"/);
  return { gc_pauses: count, gc_pauses_over_10ms: count - upTo10 };
}

/** The server-side and client-side stall figures of a run (ms); empty when the server has no such metrics. */
function stallFigures(before, after, client) {
  const ms = (v) => Math.round(v * 10000) / 10;
  const clientLag = { client_lag_p99_ms: Math.round(Math.max(0, client.percentile(99) / 1e6 - CLIENT_SAMPLE_MS) * 10) / 10, client_lag_max_ms: Math.round(Math.max(0, client.max / 1e6 - CLIENT_SAMPLE_MS) * 10) / 10 };
  const q = (name) => after?.[`phiwall_event_loop_delay_seconds{quantile="${name}"}`];
  if (q('max') === undefined) return clientLag;
  return { server_loop_delay_p99_ms: ms(q('0.99')), server_loop_delay_max_ms: ms(q('max')), ...gcPauses(before, after), ...clientLag };
}
const CLIENT_SAMPLE_MS = 10;

export async function pacedDrive(server, requests, { rate, duration, connections }) {
  // The first scrape also starts the workers' lateness afresh (each scrape reads it since the previous one).
  const before = await scrape(server.url);
  const client = monitorEventLoopDelay({ resolution: CLIENT_SAMPLE_MS });
  client.enable();
  const pool = new Pool(server.url, { connections, pipelining: 1, keepAliveTimeout: 30_000 });
  const latencies = [];
  let ok = 0, errors = 0, sent = 0, inflight = 0;
  const start = performance.now();
  const end = start + duration * 1000;
  const send = (scheduled) => {
    const r = freshRequest({ ...requests[sent++ % requests.length] });
    inflight++;
    pool.request({ method: r.method, path: r.path, headers: r.headers, body: r.body })
      .then(async (res) => { await res.body.dump(); if (res.statusCode < 300) ok++; else errors++; })
      .catch(() => { errors++; })
      .finally(() => { inflight--; latencies.push(performance.now() - scheduled); });
  };
  await new Promise((resolve) => {
    const tick = setInterval(() => {
      const now = Math.min(performance.now(), end);
      // Request k is scheduled at k / rate: by `now`, floor(elapsed * rate) + 1 of them are due (sending
      // only floor(elapsed * rate) held each one back an interval and counted that interval as latency).
      const due = Math.min(Math.floor(((now - start) / 1000) * rate) + 1, Math.ceil(duration * rate));
      // Each request keeps its own scheduled time, so lateness of this loop counts as latency too.
      while (sent < due) send(start + (sent / rate) * 1000);
      if (now >= end) { clearInterval(tick); resolve(); }
    }, 1);
  });
  while (inflight > 0) await new Promise((r) => setTimeout(r, 5));
  await pool.close();
  const seconds = (performance.now() - start) / 1000;
  client.disable();
  const stalls = stallFigures(before, await scrape(server.url), client);
  latencies.sort((a, b) => a - b);
  const ms = (v) => (v === null ? null : Math.round(v * 10) / 10);
  return {
    rps: Math.round(ok / seconds), p50_ms: ms(percentile(latencies, 50)), p99_ms: ms(percentile(latencies, 99)),
    p99_9_ms: ms(percentile(latencies, 99.9)), errors, requests: sent, ...stalls,
  };
}
