// Sends batches as text/plain JSON (a CORS "simple" request: no preflight); the write key travels in
// the body. Every request is kept under the browser's 64 KiB keepalive quota so it survives unload.

export type Ev = Record<string, unknown>;

/** Headroom under 65,536 bytes for other in-flight keepalive requests. */
const LIMIT = 60000;

// Keepalive requests of a page share one 64 KiB in-flight quota: fetches go one at a time.
let inflight: Promise<unknown> = Promise.resolve();

/**
 * Beacon on page hide (the page may be gone before a fetch settles); fetch keepalive otherwise or
 * when the beacon is refused (quota; on page hide the excess is lost, which is why every normal
 * flush happens early: 10 events or 2 s). A batch over LIMIT goes as one request per event (events
 * are under the collector's 32 KB cap; a bigger one is refused by the browser or the collector).
 * A string body is sent as `text/plain;charset=UTF-8` by both, so no content-type is set by hand.
 * No retry: the collector answers 2xx for anything it parsed, and a lost analytics batch is not
 * worth a storage queue on the patient's device. (Credentials are left at the default: a beacon
 * always sends cookies anyway, and the collector never reads them.)
 */
export function post(url: string, batch: Ev[], writeKey: string, beacon: unknown): void {
  const body = JSON.stringify({ batch, writeKey, sentAt: new Date().toISOString() });
  if (batch[1] && new Blob([body]).size > LIMIT) {
    for (const e of batch) post(url, [e], writeKey, beacon);
  } else if (!(beacon && navigator.sendBeacon(url, body))) {
    // Wait for the whole response, not just its headers: the quota is only released once the
    // request completes, and a fast collector otherwise had the next fetch refused (events lost).
    inflight = inflight.then(() => fetch(url, { method: 'POST', body, keepalive: true }).then((r) => r.text())).catch(() => 0);
  }
}
