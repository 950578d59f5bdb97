import { createReadStream, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { REPO } from '../helpers/collector-process.js';
import { renderPage } from './pages.js';

// The demo site on its own loopback port, so the collector is a different origin (real CORS).
// Vendor bundles come straight from node_modules and sdk/dist: nothing is fetched from a CDN.

const VENDOR: Record<string, string> = {
  '/vendor/segment.js': 'node_modules/@segment/analytics-next/dist/umd/index.js',
  '/vendor/rudderstack.js': 'node_modules/@rudderstack/analytics-js/dist/npm/modern/bundled/umd/index.js',
  '/vendor/phiwall.min.js': 'sdk/dist/phiwall.min.js',
};

export interface DemoSite { url: string; close: () => Promise<void> }

/** `head(path)` returns the analytics loader for that page (so one site serves one library). */
export async function startDemoSite(head: (path: string) => string): Promise<DemoSite> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://demo.test').pathname;
    const vendor = VENDOR[path];
    if (vendor && existsSync(join(REPO, vendor))) {
      res.writeHead(200, { 'content-type': 'application/javascript; charset=utf-8' });
      createReadStream(join(REPO, vendor)).pipe(res);
      return;
    }
    // /blank has no analytics at all: tests navigate there to make the previous page flush.
    const html = path === '/blank' ? '<!doctype html><title>blank</title>' : renderPage(path, head(path));
    if (html === undefined) {
      res.writeHead(path === '/favicon.ico' ? 204 : 404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}
