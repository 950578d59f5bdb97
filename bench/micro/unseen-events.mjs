// The micro-benches' first-visit pool (scrub.mjs and plan-instructions.mjs measure the same events).
/**
 * The corpus with every event new to the plan's cross-event memos (page paths, URLs, clean
 * strings, visitor hashes; each bounded at 4,096 and started over when full): its page path gets
 * a segment of its own (`/services/orthopedics/v123`, in the path, URL and every copy), its visitor
 * id a suffix and its properties a campaign label of its own. A pool of `count` such events, read
 * in turn: the same event comes back only after `count` others, by when each memo has started over.
 */
export function unseenEvents(events, count) {
  return Array.from({ length: count }, (_, k) => {
    const ev = events[k % events.length];
    const path = ev.properties?.path;
    let text = JSON.stringify(ev);
    if (typeof path === 'string' && path.length > 1) text = text.split(JSON.stringify(path).slice(1, -1)).join(`${path}/v${k}`);
    const fresh = JSON.parse(text);
    fresh.anonymousId = `${fresh.anonymousId}-${k}`;
    if (fresh.properties) fresh.properties.campaign_label = `Winter wellness ${k}`;
    return fresh;
  });
}
