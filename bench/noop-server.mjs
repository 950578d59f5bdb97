// The ceiling for this stack: hono on @hono/node-server answering phiwall's ingest routes with
// the same status codes after reading and JSON-parsing the body (gtag: reading the text), and
// nothing else. Prints `port=N` when listening.
// With NOOP_WORKERS > 1 it runs under the cluster module like `phiwall serve --workers N`, so
// the ratio compares the same process model.
import cluster from 'node:cluster';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.get('/healthz', (c) => c.json({ ok: true }));
app.post('/v1/:kind', async (c) => {
  const body = JSON.parse(new TextDecoder().decode(await c.req.arrayBuffer()));
  const n = Array.isArray(body?.batch) ? body.batch.length : 1;
  return c.json({ success: true, accepted: n, blocked: 0, failed: 0 }, 200);
});
app.on(['GET', 'POST'], '/g/collect', async (c) => {
  if (c.req.method === 'POST') await c.req.text();
  new URL(c.req.url).searchParams.get('tid');
  return c.body(null, 204);
});

const workers = Number(process.env.NOOP_WORKERS ?? 1);
if (workers > 1 && cluster.isPrimary) {
  let announced = false;
  cluster.on('listening', (_w, address) => {
    if (!announced) { announced = true; process.stdout.write(`port=${address.port}\n`); }
  });
  for (let i = 0; i < workers; i++) cluster.fork();
  process.on('SIGTERM', () => { for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM'); process.exit(0); });
} else {
  serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: '127.0.0.1' }, (info) => {
    if (cluster.isPrimary) process.stdout.write(`port=${info.port}\n`);
  });
  process.on('SIGTERM', () => process.exit(0));
}
