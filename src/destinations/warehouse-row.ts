import type { JsonObject } from '../common/json.js';
import type { CleanEvent } from './types.js';

// Column names of the usual campaign keys, written once: a name built per event is a new string
// the row's property store has to look up again (a fifth of building the row).
const UTM_COLUMNS: ReadonlyMap<string, string> = new Map([
  ['source', 'utm_source'], ['medium', 'utm_medium'], ['name', 'utm_campaign'], ['term', 'utm_term'], ['content', 'utm_content'],
]);

/**
 * The flat row shape used by file, webhook and warehouse sinks: one column per concept,
 * so a compliance officer reads a line without knowing Segment's nesting.
 */
export function toWarehouseRow(e: CleanEvent): JsonObject {
  const row: JsonObject = { message_id: e.messageId, event_type: e.type };
  if (e.event !== undefined) row.event_name = e.event;
  if (e.name !== undefined) row.name = e.name;
  row.timestamp = e.timestamp;
  row.received_at = e.receivedAt;
  if (e.visitorId !== undefined) row.visitor_id = e.visitorId;
  if (e.userId !== undefined) row.user_id = e.userId;
  if (e.anonymousId !== undefined) row.anonymous_id = e.anonymousId;
  if (e.groupId !== undefined) row.group_id = e.groupId;
  if (e.previousId !== undefined) row.previous_id = e.previousId;
  if (e.sessionId !== undefined) row.session_id = e.sessionId;
  if (e.pageGroup !== undefined) row.page_group = e.pageGroup;
  if (e.page?.path !== undefined) row.path = e.page.path;
  if (e.page?.url !== undefined) row.url = e.page.url;
  if (e.page?.referrer !== undefined) row.referrer = e.page.referrer;
  if (e.page?.title !== undefined) row.title = e.page.title;
  const campaign: Record<string, string | undefined> = e.campaign ?? {};
  for (const k of Object.keys(campaign)) { const v = campaign[k]; if (v !== undefined) row[UTM_COLUMNS.get(k) ?? `utm_${k}`] = v; }
  const clickIds = e.clickIds ?? {};
  for (const k of Object.keys(clickIds)) row[k] = clickIds[k];
  if (e.ip !== undefined) row.ip = e.ip;
  if (e.userAgent !== undefined) row.user_agent = e.userAgent;
  if (e.locale !== undefined) row.locale = e.locale;
  if (e.consent !== undefined) row.consent = { ...e.consent };
  // Plain strings and numbers (pipeline/client-context.ts).
  if (e.client !== undefined) row.client = { ...e.client } as JsonObject;
  if (hasKeys(e.properties)) row.properties = e.properties;
  if (hasKeys(e.traits)) row.traits = e.traits;
  if (e.matchKeys !== undefined) row.match_keys = { ...e.matchKeys };
  return row;
}

function hasKeys(o: JsonObject): boolean {
  for (const _ in o) return true;
  return false;
}
