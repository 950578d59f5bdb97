import { randomUUID } from 'node:crypto';

// Interim GA4 protocol v2 parser (the browser work replaces it with the full mapping).
export function gtagToEvents(query: URLSearchParams, bodyText: string): { measurementId?: string; events: Record<string, unknown>[] } {
  const lines = bodyText.split('\n').filter((l) => l.trim()).slice(0, 25);
  const hits = (lines.length ? lines : ['']).map((l) => new URLSearchParams([...query, ...new URLSearchParams(l)]));
  const events = hits.map((p) => {
    const en = p.get('en') ?? 'page_view';
    const url = p.get('dl') ?? undefined;
    const path = url ? new URL(url, 'http://x').pathname : undefined;
    return {
      type: en === 'page_view' ? 'page' : 'track', ...(en !== 'page_view' && { event: en }),
      messageId: randomUUID(), anonymousId: p.get('cid') ?? undefined,
      properties: Object.fromEntries([...p].filter(([k]) => k.startsWith('ep.')).map(([k, v]) => [k.slice(3), v])),
      context: { page: { url, path, referrer: p.get('dr') ?? undefined, title: p.get('dt') ?? undefined } },
    };
  });
  return { measurementId: query.get('tid') ?? undefined, events };
}
