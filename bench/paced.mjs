// An open-loop, evenly paced load for "p99 at half of the maximum throughput".
// autocannon's rate limit releases each connection's per-second quota at the start of every
// second (a burst, then silence), and its coordinated-omission correction uses an expected
// interval of ceil(1 / rate) = 1 ms, so its latencies at a fixed rate measure the burst, not the
// server. Here requests are scheduled uniformly (rate / 1000 per millisecond) and each latency is
// measured from its scheduled time, so a stalled server still shows its queueing delay.
import { Pool } from 'undici';
import { freshRequest } from './workload.mjs';

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export async function pacedDrive(server, requests, { rate, duration, connections }) {
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
  latencies.sort((a, b) => a - b);
  const ms = (v) => (v === null ? null : Math.round(v * 10) / 10);
  return {
    rps: Math.round(ok / seconds), p50_ms: ms(percentile(latencies, 50)), p99_ms: ms(percentile(latencies, 99)),
    p99_9_ms: ms(percentile(latencies, 99.9)), errors, requests: sent,
  };
}
