import { isJsonObject, type JsonObject } from '../common/json.js';

// Another tracker's own request body posted to a Segment batch route (a relay pointed at the wrong
// collector): it is refused whole (400), as any body without a `batch` array is, and the error says
// what the body is, so the operator relays each hit as a track event's properties instead. Read only on
// that refusal, never on an accepted request. The names are the vendors' documented body shapes.
const FORMATS: readonly { readonly name: string; readonly is: (b: JsonObject) => boolean }[] = [
  { name: 'a Snowplow payload_data body', is: (b) => typeof b.schema === 'string' && b.schema.startsWith('iglu:') },
  { name: 'a Matomo bulk request', is: (b) => Array.isArray(b.requests) },
  { name: 'an mParticle batch', is: (b) => Array.isArray(b.events) && (b.mpid !== undefined || b.user_identities !== undefined || b.environment !== undefined) },
  { name: 'an Amplitude upload', is: (b) => Array.isArray(b.events) && typeof b.api_key === 'string' },
  { name: 'a GA4 Measurement Protocol body', is: (b) => Array.isArray(b.events) && (b.client_id !== undefined || b.app_instance_id !== undefined) },
  // Mobile apps' and their servers' SDK bodies (pass 32).
  { name: 'a Firebase Analytics event', is: (b) => b.app_instance_id !== undefined && (b.event_name !== undefined || Array.isArray(b.event_params)) },
  { name: 'a Braze users/track body', is: (b) => Array.isArray(b.attributes) || Array.isArray(b.purchases) || (Array.isArray(b.events) && externalIds(b.events)) },
  { name: 'an AppsFlyer server-to-server event', is: (b) => b.appsflyer_id !== undefined && b.eventName !== undefined },
  { name: 'an Adjust server-to-server event', is: (b) => b.app_token !== undefined && (b.event_token !== undefined || b.s2s !== undefined) },
  { name: 'a OneSignal notification', is: (b) => b.app_id !== undefined && (b.contents !== undefined || b.include_player_ids !== undefined || b.include_subscription_ids !== undefined || b.include_aliases !== undefined) },
  { name: 'a Sentry event', is: (b) => typeof b.event_id === 'string' && (b.platform !== undefined || b.exception !== undefined || b.breadcrumbs !== undefined) },
];

/** Braze's events name their user by `external_id` or `braze_id`. */
function externalIds(events: unknown[]): boolean {
  const first = events[0];
  return isJsonObject(first) && (first.external_id !== undefined || first.braze_id !== undefined);
}

/** Why a body is not a Segment batch: `batch must be an array`, naming the tracker whose body it is when it is one. */
export function notABatch(body: JsonObject): string {
  const format = FORMATS.find((f) => f.is(body));
  return format === undefined ? 'batch must be an array' : `batch must be an array (the body is ${format.name}, not a Segment batch: relay each hit as a track event's properties)`;
}

/**
 * Why a body is not a JSON object: `body must be a JSON object`, naming Mixpanel's `/track` and `/import` bodies (an array
 * of `{event, properties}`) when it is one.
 */
export function notAnObject(body: unknown): string {
  const mixpanel = Array.isArray(body) && isJsonObject(body[0]) && typeof body[0].event === 'string' && isJsonObject(body[0].properties);
  return mixpanel ? "body must be a JSON object (the body is a Mixpanel event array, not a Segment call: relay each hit as a track event's properties)" : 'body must be a JSON object';
}
