// Fast local sink for the four bench destinations: answers each vendor's success shape and
// counts delivered events (GA4 `events`, Meta/TikTok `data`, webhook array). Run as its own
// process so its CPU and memory are not charged to phiwall. Prints `port=N` when listening.
import http from 'node:http';

const counts = { ga4: 0, meta: 0, tiktok: 0, webhook: 0, requests: 0, bad: 0 };
const started = Date.now();

function classify(url) {
  if (url.startsWith('/mp/collect') || url.startsWith('/debug/mp/collect')) return 'ga4';
  if (url.startsWith('/open_api/')) return 'tiktok';
  if (url.startsWith('/hook')) return 'webhook';
  if (/^\/v\d+\.\d+\//.test(url)) return 'meta';
  return undefined;
}

function countOf(kind, body) {
  if (kind === 'ga4') return Array.isArray(body.events) ? body.events.length : 0;
  if (kind === 'webhook') return Array.isArray(body) ? body.length : 0;
  return Array.isArray(body.data) ? body.data.length : 0;
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/stats') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ...counts, uptime_ms: Date.now() - started }));
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    counts.requests++;
    const kind = classify(req.url ?? '');
    let n = 0;
    try { n = kind ? countOf(kind, JSON.parse(Buffer.concat(chunks).toString('utf8'))) : 0; } catch { counts.bad++; }
    if (kind) counts[kind] += n; else counts.bad++;
    if (kind === 'ga4') { res.writeHead(204); res.end(); return; }
    const body = kind === 'tiktok' ? { code: 0, message: 'OK' } : kind === 'meta' ? { events_received: n, fbtrace_id: 'bench' } : { ok: true };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`port=${server.address().port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
