// One autocannon run against one server, with its RSS sampled, in the shape latest.json uses.
import autocannon from 'autocannon';
import { sampleRss, treeCpuMs } from './proc.mjs';

export async function drive(server, requests, { duration, connections, overallRate, eventsPerRequest }) {
  const rss = sampleRss(server.child.pid);
  const cpu0 = treeCpuMs(server.child.pid);
  const r = await autocannon({ url: server.url, connections, duration, requests, pipelining: 1, timeout: 10, ...(overallRate ? { overallRate } : {}) });
  const mem = rss.stop();
  const cpuMs = treeCpuMs(server.child.pid) - cpu0;
  const seconds = (new Date(r.finish) - new Date(r.start)) / 1000;
  const ok = r['2xx'];
  return {
    rps: Math.round(ok / seconds),
    events_per_s: Math.round((ok * eventsPerRequest) / seconds),
    p50_ms: r.latency.p50,
    p99_ms: r.latency.p99,
    p99_9_ms: r.latency.p99_9,
    errors: r.errors + r.timeouts + r.non2xx,
    requests: r.requests.total,
    rss_mb: mem.total_mb,
    rss_max_process_mb: mem.max_process_mb,
    rss_footprint_mb: mem.footprint_mb,
    // At the footprint's peak: private MB per process (the primary first), shared file pages, shmem.
    rss_footprint_parts: mem.footprint_parts,
    processes: mem.processes,
    seconds: +seconds.toFixed(1),
    // The machine is shared: CPU time per request says what the server costs, whatever the load.
    cpu_ms_per_request: ok ? +(cpuMs / ok).toFixed(3) : null,
    rps_per_cpu_core: cpuMs ? Math.round(ok / (cpuMs / 1000)) : null,
  };
}

export async function warm(server, requests, connections, seconds = 1) {
  await autocannon({ url: server.url, connections, duration: seconds, requests });
}

export async function sinkStats(sinkUrl) {
  const s = await (await fetch(`${sinkUrl}/stats`)).json();
  return { ...s, deliveries: s.ga4 + s.meta + s.tiktok + s.webhook };
}
