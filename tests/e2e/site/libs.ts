// <head> loaders for the three clients the demo site can run. Each defines window.demoTrack for
// the contact form. Everything points at the collector; nothing at a vendor host.

export interface PhiwallAttrs {
  /** Snippet URL: the collector's snippet_path by default. */
  src: string;
  integrity?: string;
  writeKey?: string;
  requireConsent?: boolean;
  blockedPaths?: string;
  cookie?: boolean;
  host?: string;
  /** Extra calls queued through the stub before the snippet loads. */
  queued?: string;
}

export function phiwallHead(a: PhiwallAttrs): string {
  const attrs = [
    `src="${a.src}"`,
    `data-write-key="${a.writeKey ?? 'demo'}"`,
    a.integrity ? `integrity="${a.integrity}" crossorigin="anonymous"` : '',
    a.requireConsent ? 'data-require-consent' : '',
    a.blockedPaths ? `data-blocked-paths="${a.blockedPaths}"` : '',
    a.cookie ? 'data-cookie' : '',
    a.host ? `data-host="${a.host}"` : '',
  ].filter(Boolean).join(' ');
  return `<script>window.phiwall=window.phiwall||function(){(phiwall.q=phiwall.q||[]).push(arguments)};
window.demoTrack=function(n,p){phiwall('track',n,p)};${a.queued ?? ''}</script>
<script async ${attrs}></script>`;
}

/**
 * @segment/analytics-next from its UMD bundle with inline cdnSettings (no settings fetch) and the
 * Segment.io apiHost moved to the collector (destinations.md §5.2). Metrics are off (they would
 * POST to <apiHost>/m).
 */
export function segmentHead(collector: string): string {
  const host = collector.replace(/^https?:\/\//, '');
  return `<script src="/vendor/segment.js"></script>
<script>
window.analytics = AnalyticsNext.AnalyticsBrowser.load(
  { writeKey: 'demo', cdnSettings: { integrations: { 'Segment.io': { apiKey: 'demo' } }, metrics: { sampleRate: 0 } } },
  { integrations: { 'Segment.io': { apiHost: '${host}/v1', protocol: 'http' } } });
window.demoTrack = function (n, p) { return analytics.track(n, p); };
analytics.page();
</script>`;
}

/**
 * @rudderstack/analytics-js, bundled UMD build (plugins compiled in), with a local source config
 * instead of the control plane and the collector as data plane (destinations.md §5.3).
 * useBeacon sends through sendBeacon to <dataPlane>/beacon/v1/batch?writeKey=.
 */
export function rudderstackHead(collector: string, opts: { useBeacon?: boolean } = {}): string {
  return `<script src="/vendor/rudderstack.js"></script>
<script>
var ra = new rudderanalytics.RudderAnalytics();
ra.load('demo', '${collector}', {
  useBeacon: ${opts.useBeacon === true},
  beaconQueueOptions: { flushQueueInterval: 500 },
  getSourceConfig: function () {
    return { source: { id: 'src-demo', name: 'demo', enabled: true, workspaceId: 'ws-demo',
      config: { statsCollection: { errors: { enabled: false }, metrics: { enabled: false } } }, destinations: [] } };
  },
});
window.demoTrack = function (n, p) { ra.track(n, p); };
ra.page();
</script>`;
}
