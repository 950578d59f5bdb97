import { z } from 'zod';
import type { JsonObject, JsonValue } from '../common/json.js';
import { isJsonObject } from '../common/json.js';
import { truncateUnits } from '../common/well-formed.js';
import { customProps, PLACEHOLDERS, profileAccepted, profileTarget, PROFILE_MAX_BATCH, toMixpanelProfile, type ProfileTarget } from './mixpanel-profiles.js';
import { bisect, chunk, collapseResults, fillResults, type BatchAttempt } from './batch.js';
import { sha256Hex } from '../common/hash.js';
import { HttpClient, HttpOptionsShape, endpointBase, basicAuth, classifyOutcome, parseJsonBody } from './http.js';
import { scrubVendorText } from './scrub.js';
import type { CleanEvent, DeliveryResult, Destination, DestinationDeps, DestinationType, ItemResult, OutboundItem } from './types.js';

const PROPERTY_NAME = /^[\w$.]{1,40}$/;
const NOT_ALNUM_RUNS = /[^A-Za-z0-9]+/g;
const EDGE_UNDERSCORES = /^_+|_+$/g;

export const MixpanelConfig = z
  .strictObject({
    /** Project token (Basic username, empty password), or a service account with project_id. */
    project_token: z.string().min(1).optional(),
    service_account_user: z.string().min(1).optional(),
    service_account_secret: z.string().min(1).optional(),
    project_id: z.string().regex(/^\d+$/).optional(),
    /** https://api.mixpanel.com by default (https://api-eu.mixpanel.com, https://api-in.mixpanel.com). */
    endpoint: z.url({ protocol: /^https?$/ }).optional(),
    max_batch: z.number().int().min(1).max(2000).optional(),
    /**
     * Send identify traits to user profiles (/engage `$set`) and group traits to group profiles
     * (/groups `$set`); needs project_token (the profile APIs take no service account). Off by
     * default: profiles are a lasting store about a person, so an operator turns them on.
     */
    profiles: z.boolean().optional(),
    /** The group key (Project Settings > Group Keys) a group call's groupId is filed under, `company_id` by default. */
    group_key: z.string().min(1).max(255).optional(),
    ...HttpOptionsShape,
  })
  .refine((c) => c.project_token !== undefined || (c.service_account_user && c.service_account_secret && c.project_id), {
    message: 'set project_token, or service_account_user + service_account_secret + project_id',
  })
  .refine((c) => !c.profiles || c.project_token !== undefined, { message: 'profiles: true needs project_token (Mixpanel\'s profile APIs take the project token)', path: ['profiles'] });
export type MixpanelConfig = z.infer<typeof MixpanelConfig>;

// /import strict-mode rules (spec §6.1).
const INSERT_ID = /^[A-Za-z0-9-]{1,36}$/;
const MIN_TIME_MS = Date.UTC(1971, 0, 1);
const MAX_FUTURE_MS = 3600 * 1000;
const MAX_STRING = 255;
const MAX_RECORD_PROPERTIES = 254;
// Mixpanel has no screen event of its own (page views are $mp_web_page_view, web only); this is
// the name Segment's Mixpanel integration gives screen calls. An alias is a `$merge` of its two
// ids, which Mixpanel takes only through /import (Original ID Merge; other ID systems ignore it).
// Identify and group set user and group profiles (/engage, /groups: mixpanel-profiles.ts) when
// `profiles` is on; else they are not applicable (skipped, not dead letters).
const SCREEN_EVENT = 'Loaded a Screen';

/** messageId when Mixpanel accepts it as $insert_id (<= 36 of [A-Za-z0-9-]), else a stable 36-char hash of it. */
export function mixpanelInsertId(messageId: string): string {
  return INSERT_ID.test(messageId) && !PLACEHOLDERS.has(messageId.toLowerCase()) ? messageId : sha256Hex(messageId).slice(0, 36);
}

function pageProps(e: CleanEvent): JsonObject {
  const out: JsonObject = {};
  if (e.page?.url !== undefined) out.$current_url = e.page.url;
  if (e.page?.path !== undefined) out.current_url_path = e.page.path;
  if (e.page?.title !== undefined) out.current_page_title = e.page.title;
  if (e.page?.referrer !== undefined) out.$referrer = e.page.referrer;
  for (const [k, v] of Object.entries(e.campaign ?? {})) if (v !== undefined) out[`utm_${k === 'name' ? 'campaign' : k}`] = v;
  return out;
}

/** The event time in ms when /import takes it, else the skip reason. */
function importTime(e: CleanEvent): number | { skip: string } {
  const time = Date.parse(e.timestamp);
  const received = Date.parse(e.receivedAt);
  if (!Number.isFinite(time) || time < MIN_TIME_MS) return { skip: 'MIXPANEL_BAD_TIME' };
  if (Number.isFinite(received) && time - received > MAX_FUTURE_MS) return { skip: 'MIXPANEL_TIME_IN_FUTURE' };
  return Math.trunc(time);
}

/** An alias as `$merge` of the id it replaces and the one it names (the raw ids, or their tokens). */
function toMixpanelMerge(e: CleanEvent, time: number): JsonObject | { skip: string } {
  const to = e.userId ?? e.visitorId;
  if (e.previousId === undefined || to === undefined) return { skip: 'MIXPANEL_PREVIOUS_ID_NOT_ALLOWED' };
  if (PLACEHOLDERS.has(e.previousId.toLowerCase()) || PLACEHOLDERS.has(to.toLowerCase())) return { skip: 'MIXPANEL_PLACEHOLDER_ID' };
  return { event: '$merge', properties: { $distinct_ids: [e.previousId, to], time, distinct_id: to, $insert_id: mixpanelInsertId(e.messageId) } };
}

/** CleanEvent -> /import record; system properties are written last so properties cannot override them. */
export function toMixpanelEvent(e: CleanEvent): JsonObject | { skip: string } {
  const name = e.type === 'page' ? '$mp_web_page_view' : e.type === 'screen' ? SCREEN_EVENT : e.type === 'track' ? e.event : undefined;
  if (!name && e.type !== 'alias') return { skip: e.type === 'track' ? 'MIXPANEL_NO_EVENT_NAME' : 'MIXPANEL_UNSUPPORTED_TYPE' };
  const time = importTime(e);
  if (typeof time !== 'number') return time;
  if (!name) return toMixpanelMerge(e, time);
  const distinctId = e.userId ?? e.visitorId ?? '';
  if (PLACEHOLDERS.has(distinctId.toLowerCase())) return { skip: 'MIXPANEL_PLACEHOLDER_ID' };
  const system: JsonObject = pageProps(e);
  if (e.type === 'screen' && e.name !== undefined) system.screen_name = truncateUnits(e.name, MAX_STRING);
  if (e.ip !== undefined) system.ip = e.ip;
  if (e.visitorId !== undefined) system.$device_id = e.visitorId;
  if (e.userId !== undefined) system.$user_id = e.userId;
  system.time = time;
  system.distinct_id = distinctId;
  system.$insert_id = mixpanelInsertId(e.messageId);
  // Strict mode fails a record of 255 properties or more: the event's own fill what the system ones leave.
  return { event: name, properties: { ...customProps(e.properties, MAX_RECORD_PROPERTIES - Object.keys(system).length), ...system } };
}

interface FailedRecord {
  index: number;
  field: string;
  message: string;
}

function failedRecords(bodyText: string): FailedRecord[] | undefined {
  const parsed = parseJsonBody(bodyText);
  if (!isJsonObject(parsed) || !Array.isArray(parsed.failed_records)) return undefined;
  return parsed.failed_records.filter(isJsonObject).map((r) => ({
    index: typeof r.index === 'number' ? r.index : -1,
    field: typeof r.field === 'string' && PROPERTY_NAME.test(r.field) ? r.field : 'record',
    message: typeof r.message === 'string' ? r.message : '',
  }));
}

class MixpanelDestination implements Destination {
  readonly type = 'mixpanel';
  readonly maxBatch: number;
  private readonly http: HttpClient;
  private readonly url: string;
  private readonly profileUrls: Record<ProfileTarget, string>;
  private readonly auth: string;
  private readonly secrets: string[];

  constructor(
    readonly name: string,
    private readonly config: MixpanelConfig,
    private readonly deps: DestinationDeps,
  ) {
    this.maxBatch = config.max_batch ?? 2000;
    this.http = new HttpClient(config);
    const query = new URLSearchParams({ strict: '1' });
    if (config.project_id) query.set('project_id', config.project_id);
    const base = endpointBase(config.endpoint, 'https://api.mixpanel.com');
    this.url = `${base}/import?${query}`;
    this.profileUrls = { engage: `${base}/engage?verbose=1`, groups: `${base}/groups?verbose=1` };
    const serviceAccount = config.service_account_user && config.service_account_secret;
    this.auth = serviceAccount ? basicAuth(config.service_account_user ?? '', config.service_account_secret) : basicAuth(config.project_token ?? '');
    this.secrets = [config.project_token, config.service_account_secret, this.auth].filter((s): s is string => !!s);
  }

  map(event: CleanEvent) {
    if (this.config.profiles && (event.type === 'identify' || event.type === 'group')) return toMixpanelProfile(event, this.config.group_key ?? 'company_id');
    return toMixpanelEvent(event);
  }

  /** Events go to /import, profile updates to /engage or /groups: each API gets its own requests. */
  async send(batch: readonly OutboundItem[]): Promise<DeliveryResult> {
    const results: ItemResult[] = batch.map(() => ({ kind: 'ok' }));
    const byTarget = new Map<ProfileTarget | 'import', number[]>();
    batch.forEach((item, i) => {
      const target = profileTarget(item.payload) ?? 'import';
      const list = byTarget.get(target);
      if (list) list.push(i);
      else byTarget.set(target, [i]);
    });
    for (const [target, indexes] of byTarget) {
      const attempt = target === 'import' ? (items: JsonValue[]) => this.attempt(items) : (items: JsonValue[]) => this.attemptProfiles(target, items);
      for (const part of chunk(indexes, target === 'import' ? this.maxBatch : Math.min(this.maxBatch, PROFILE_MAX_BATCH))) {
        await fillResults(results, part, (idx) => bisect(idx.map((i) => batch[i].payload), attempt));
      }
    }
    return collapseResults(results);
  }

  /**
   * Profile updates answer 200 even when refused (the verbose body says so, for the request as a
   * whole): a refused request is halved until the update at fault is alone, then dropped.
   */
  private async attemptProfiles(target: ProfileTarget, items: JsonValue[]): Promise<BatchAttempt> {
    const body = items.map((p) => ({ $token: this.config.project_token ?? '', ...(isJsonObject(p) ? p : {}) }));
    const outcome = await this.http.postJson(this.profileUrls[target], body);
    const result = classifyOutcome(outcome, { secrets: this.secrets, now: this.deps.now() });
    if (outcome.kind !== 'response' || result.kind !== 'ok') {
      return outcome.kind === 'response' && outcome.status === 413 ? { kind: 'rejected', result } : { kind: 'results', results: items.map(() => result) };
    }
    const verdict = profileAccepted(outcome.bodyText);
    if (verdict.ok) return { kind: 'results', results: items.map(() => result) };
    const reason = scrubVendorText(`Mixpanel /${target} refused the update: ${verdict.error}`, this.secrets).slice(0, 200);
    return { kind: 'rejected', result: { kind: 'drop', code: `MIXPANEL_${target.toUpperCase()}_REFUSED`, reason } };
  }

  /** 400 is a partial success naming failed records; 413 is about size, so halve the batch. */
  private async attempt(items: JsonValue[]): Promise<BatchAttempt> {
    const outcome = await this.http.postJson(this.url, items, { authorization: this.auth });
    const result = classifyOutcome(outcome, { secrets: this.secrets, now: this.deps.now() });
    const every = (r: ItemResult): BatchAttempt => ({ kind: 'results', results: items.map(() => r) });
    if (outcome.kind !== 'response' || result.kind !== 'drop') return every(result);
    if (outcome.status === 413) return { kind: 'rejected', result };
    const failed = outcome.status === 400 ? failedRecords(outcome.bodyText) : undefined;
    if (!failed || failed.length === 0) return every(result);
    const results: ItemResult[] = items.map(() => ({ kind: 'ok' }));
    for (const f of failed) {
      if (f.index < 0 || f.index >= results.length) continue;
      const reason = scrubVendorText(`Mixpanel rejected ${f.field}: ${f.message}`, this.secrets);
      results[f.index] = { kind: 'drop', code: `MIXPANEL_INVALID_${f.field.replace(NOT_ALNUM_RUNS, '_').replace(EDGE_UNDERSCORES, '').toUpperCase()}`, reason };
    }
    return { kind: 'results', results };
  }

  close(): Promise<void> {
    return this.http.close();
  }
}

export const mixpanelDestination: DestinationType<MixpanelConfig> = {
  type: 'mixpanel',
  configSchema: MixpanelConfig,
  describe: 'Mixpanel /import (strict): $mp_web_page_view, track and screen events, alias as $merge, $insert_id from messageId, failed_records per index; with profiles: identify traits to /engage $set, group traits to /groups $set',
  create: (config, deps) => new MixpanelDestination(deps.name, config, deps),
};
