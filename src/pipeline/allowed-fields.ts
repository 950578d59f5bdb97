import { AllowNode } from '../rules/allow-tree.js';

/**
 * What a destination's allow list says about each field projectEvent writes, read once per
 * allow tree instead of walking the tree for every field of every event (the trees are
 * immutable once compiled, so the answers never change).
 */
export interface AllowedFields {
  readonly event: boolean;
  readonly name: boolean;
  readonly visitorId: boolean;
  readonly userId: boolean;
  readonly anonymousId: boolean;
  readonly groupId: boolean;
  readonly pageGroup: boolean;
  readonly pagePath: boolean;
  readonly pageUrl: boolean;
  readonly pageTitle: boolean;
  readonly pageReferrer: boolean;
  readonly ip: boolean;
  readonly userAgent: boolean;
  readonly locale: boolean;
  readonly consent: boolean;
  readonly sessionId: boolean;
  /** Allowed subtrees: an empty tree when nothing below is allowed (properties, traits), or
   * undefined when the field is not sent at all (campaign, click ids). */
  readonly properties: AllowNode;
  readonly traits: AllowNode;
  readonly campaign: AllowNode | undefined;
  readonly clickIds: AllowNode | undefined;
  readonly context: AllowNode | undefined;
}

/** The output fields allowedFields reads: an allow entry whose first segment is none of these allows nothing (config/allow-check.ts). */
export const ALLOW_ROOTS = ['event', 'name', 'visitor_id', 'user_id', 'anonymous_id', 'group_id', 'page_group', 'page', 'ip', 'user_agent', 'locale', 'consent', 'properties', 'traits', 'campaign', 'click_ids', 'session_id', 'context'] as const;
export const PAGE_FIELDS = ['path', 'url', 'title', 'referrer'] as const;

const EMPTY = AllowNode.compile([]);
const known = new WeakMap<AllowNode, AllowedFields>();

export function allowedFields(allow: AllowNode): AllowedFields {
  let fields = known.get(allow);
  if (fields === undefined) {
    fields = Object.freeze({
      event: allow.allows('event'),
      name: allow.allows('name'),
      visitorId: allow.allows('visitor_id'),
      userId: allow.allows('user_id'),
      anonymousId: allow.allows('anonymous_id'),
      groupId: allow.allows('group_id'),
      pageGroup: allow.allows('page_group'),
      pagePath: allow.allows('page.path'),
      pageUrl: allow.allows('page.url'),
      pageTitle: allow.allows('page.title'),
      pageReferrer: allow.allows('page.referrer'),
      ip: allow.allows('ip'),
      userAgent: allow.allows('user_agent'),
      locale: allow.allows('locale'),
      consent: allow.allows('consent'),
      sessionId: allow.allows('session_id'),
      properties: allow.child('properties') ?? EMPTY,
      traits: allow.child('traits') ?? EMPTY,
      campaign: allow.child('campaign'),
      clickIds: allow.child('click_ids'),
      context: allow.child('context'),
    });
    known.set(allow, fields);
  }
  return fields;
}
