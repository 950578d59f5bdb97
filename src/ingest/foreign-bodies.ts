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
];

/** Why a body is not a Segment batch: `batch must be an array`, naming the tracker whose body it is when it is one. */
export function notABatch(body: JsonObject): string {
  const format = FORMATS.find((f) => f.is(body));
  return format === undefined ? 'batch must be an array' : `batch must be an array (the body is ${format.name}, not a Segment batch: relay each hit as a track event's properties)`;
}
