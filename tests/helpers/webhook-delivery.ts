import { join } from 'node:path';
import type { FakeServer } from '../fakes/http-fake.js';
import { REPO } from './collector.js';

/** The bundled rules with one webhook destination (no BAA) taking `event`, `visitor_id` and `properties.n`. */
export const webhookConfig = (hookUrl: string, delivery: string) => `
version: 1
include: ["${join(REPO, 'rules/phiwall.yaml')}"]
destinations:
  hook:
    type: webhook
    baa: false
    allow: [event, visitor_id, properties.n]
    options: { url: "${hookUrl}/hook/in", secret: "s3cret-signing-key" }
    delivery: ${delivery}
`;

export const track = (id: string) => ({ type: 'track', event: 'Button Clicked', messageId: id, anonymousId: 'anon', properties: { n: 1 } });

/** The message ids the fake webhook received, in order, duplicates included. */
export const delivered = (fake: FakeServer): string[] => fake.handled('/hook/in').flatMap((r) => (r.json as { message_id: string }[]).map((x) => x.message_id));
