import { afterAll, beforeAll } from 'vitest';
import { post as postTo, startCollector, type Collector } from './collector.js';
import { SpoolReader } from './http-fuzz.js';

/** A collector's answer to a refused or accepted body. */
export interface EdgeAnswer { status: number; json: { success?: boolean; error?: { code: string; message: string } } }

/**
 * A collector (delivery off) started for the enclosing describe block, with a reader of what its spool holds:
 * for tests of bodies the HTTP edge must refuse whole (nothing acknowledged, nothing spooled) or accept.
 */
export function useSpoolingCollector() {
  let c: Collector | undefined;
  let spool: SpoolReader | undefined;
  beforeAll(async () => { c = await startCollector({ deliver: false }); spool = new SpoolReader(c.dataDir); });
  afterAll(async () => { spool?.close(); await c?.close(); });
  const collector = (): Collector => { if (!c) throw new Error('collector not started'); return c; };
  return {
    collector,
    /** The spool's stored items. */
    items: () => { if (!spool) throw new Error('collector not started'); return spool.items(); },
    /** POSTs `body` as JSON to `route` with the demo site's key. */
    post: async (body: unknown, route = '/v1/batch'): Promise<EdgeAnswer> => {
      const r = await postTo(`${collector().url}${route}`, body);
      return { status: r.status, json: r.json as EdgeAnswer['json'] };
    },
  };
}
