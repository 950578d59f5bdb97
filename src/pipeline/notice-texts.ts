import { BoundedMemo } from '../common/bounded-memo.js';
import type { JsonObject } from '../common/json.js';
import type { Plan } from '../rules/plan.js';
import { nameBlock } from './title-verdicts.js';

// A notification's or a mailing's event (`Push Notification Opened`, `Notification Viewed`, `In-App Message Viewed`,
// `Email Opened`) carries the notice's own words, which a portal or a messaging tool titles as the page it links to
// (`title: "You have a new test result"`, `message_title: "Your care team replied"`): read like an event's name, they
// block as that page does (blind pass 39). Other events' titles are a page's, an article's or a product's, read elsewhere.
const NOTICE_EVENT = /notif|push|in-?app|message|e-?mail|sms|inbox|alert/i;
// A site sends a few dozen event names, again and again: the answer per name is remembered (bounded).
const noticeEvents = new BoundedMemo<boolean>(1024);
const TEXT_KEYS = ['title', 'subject', 'Subject', 'email_subject', 'message_subject', 'message_title', 'notification_title', 'push_title', 'alert_title', 'heading'];

/** The rule a notification event's own title or subject blocks by, if any. */
export function noticeTextBlock(event: string, props: JsonObject, plan: Plan): string | undefined {
  let notice = noticeEvents.get(event);
  if (notice === undefined) { notice = NOTICE_EVENT.test(event); noticeEvents.set(event, notice); }
  if (!notice) return undefined;
  for (const k of TEXT_KEYS) {
    const v = props[k];
    if (typeof v === 'string' && v.length > 0 && v.length <= 200) { const rule = nameBlock(v, plan); if (rule !== undefined) return rule; }
  }
  return undefined;
}
