import { describe, expect, it } from 'vitest';
import { allowAllProbe } from '../helpers/open-plan.js';

// H95, utility pass 4: clean values from video players, app analytics, consent tools, error trackers and promotions that
// still went out dropped or redacted. Each kept class is checked beside the same shape carrying an identifier, which is
// still caught. The destination has no BAA and allows every property.
const { props } = allowAllProbe('m95');
const H = 'https://www.example-health.org';
const soon = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe("a site's pictures under image keys", () => {
  it('keeps site and CDN image addresses, with sizes and densities in their file names', () => {
    const kept = { hero_image: `${H}/media/promos/urgent-care/hero@2x.jpg`, 'og:image': 'https://cdn.example-health.org/img/og/urgent-care.png',
      thumbnail_url: `${H}/media/video-thumbs/afib-story-1280x720.jpg`, featured_image: `${H}/wp-content/uploads/2026/11/winter-walk-1200x630.jpg`,
      twitter_image: '/social/winter-walk-card.png', image_url: `${H}/media/blog/holiday-table-1600w.avif?w=800&fm=webp` };
    const out = props(kept);
    for (const [k, v] of Object.entries(kept)) expect(out).toContain(`"${k}":"${v.split('?')[0]}`);
  });

  it("still drops a person's picture, a signed upload and an id directory, and any value under a person's picture key", () => {
    const out = props({ hero_image: `${H}/patients/88412/photo.jpg`, preview_image: 'https://up.s3.amazonaws.com/u/a.png?X-Amz-Signature=9f8e7d6c5b4a',
      image: `${H}/uploads/avatars/dorota-k.png`, card_image: `${H}/media/7731/front.jpg`, feature_image: `${H}/u/77120/pic.jpg`,
      profile_image: `${H}/media/hero.jpg`, insurance_card_image: `${H}/media/card.jpg`, og_image: `${H}/media/jane.doe@mail.example` });
    for (const v of ['88412', 'X-Amz', 'dorota', '7731', '77120', 'profile_image', 'insurance_card_image', 'jane.doe']) expect(out).not.toContain(v);
  });
});

describe("an app's screens and builds", () => {
  it('keeps screen, view and route names under a screen-name key, and build numbers', () => {
    const out = props({ screen_name: 'FindCareScreen', screenName: 'appointment_type_screen', screen_name_prev: 'ApptTypePickerViewController',
      firebase_screen_name: 'AppointmentTypePicker', build_number: 5301042, build: '540017', versionCode: '5301042' });
    for (const v of ['"screen_name":"FindCareScreen"', '"screenName":"appointment_type_screen"', '"screen_name_prev":"ApptTypePickerViewController"', '"firebase_screen_name":"AppointmentTypePicker"',
      '"build_number":5301042', '"build":"540017"', '"versionCode":"5301042"']) expect(out).toContain(v);
  });

  it("still drops a user's screen name, and a long number or an SSN under a build key", () => {
    const out = props({ screen_name: 'DorotaK', screenName: 'marisolq_1984', twitter_screen_name: 'hvandermeer', build_number: '536224411',
      build: 536224411 });
    for (const v of ['DorotaK', 'marisolq_1984', 'hvandermeer', '536224411']) expect(out).not.toContain(v);
  });
});

describe('video ids and consent policy versions', () => {
  it("keeps a player's video number, as a string or a number, and a consent tool's policy version", () => {
    const out = props({ vimeo_id: '76979871', vimeo_video_id: 1012345678, wistia_media_id: '48213377', video_id: 917245633, tcfPolicyVersion: 5,
      privacy_policy_version: '2026.3' });
    for (const v of ['"vimeo_id":"76979871"', '"vimeo_video_id":1012345678', '"wistia_media_id":"48213377"', '"video_id":917245633',
      '"tcfPolicyVersion":5', '"privacy_policy_version":"2026.3"']) expect(out).toContain(v);
  });

  // A video's nine digits that make a valid SSN stay redacted (objectDigits), as under `video_id` since pass 3.
  it("still drops an SSN's or a phone number's shape under a video key, a video visit's number and a policy's number", () => {
    const out = props({ vimeo_id: '887412356', vimeo_video_id: 5035550142, video_id: '15035550142', video_visit_id: '76979871', policy_number: '5',
      insurance_policy: 'XKJ887412356', patient_media_id: 48213377 });
    for (const v of ['887412356', '5035550142', '76979871', '"policy_number"', 'XKJ', '48213377']) expect(out).not.toContain(v);
  });
});

describe("an offer's, a posting's or a listing's coming end", () => {
  it('keeps it under a key naming the offer and its end, and a next available date', () => {
    const kept = { posting_expires: soon(60), offer_ends: soon(25), apply_by: soon(20), available_until: soon(62), early_bird_deadline: soon(3),
      next_available: soon(4) };
    const out = props(kept);
    for (const [k, v] of Object.entries(kept)) expect(out).toContain(`"${k}":"${v}"`);
  });

  it("still redacts a bare or a person's expiry, a care date and a past date under an offer's key", () => {
    const out = props({ expires_on: soon(120), rx_expires: soon(60), card_expires: soon(60), membership_expires: soon(60),
      next_appointment: soon(4), offer_ends: '1961-03-04', license_expires_by: soon(30) });
    expect(out.slice(out.lastIndexOf('"properties"'))).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});

describe("a site's code addresses in stack traces", () => {
  it('keeps script and chunk addresses with their line and column', () => {
    const stack = `TypeError: x is undefined\n    at renderResults (${H}/_next/static/chunks/pages/fad-3f9c2a1b.js:1:48213)\n` +
      `    at ${H}/static/js/412.a7c9e1f0.chunk.js:2:311`;
    const out = props({ stack, source: `${H}/_next/static/chunks/pages/fad-3f9c2a1b.js` });
    expect(out).toContain('fad-3f9c2a1b.js:1:48213');
    expect(out).toContain('412.a7c9e1f0.chunk.js:2:311');
    expect(out).toContain(`"source":"${H}/_next/static/chunks/pages/fad-3f9c2a1b.js"`);
  });

  it('still redacts an address with a query, an id directory or a name or number inside', () => {
    const stack = `Error\n at a (${H}/a.js?token=eyJhbGciOi)\n at b (${H}/u/77120/x.js:1:1)\n at c (${H}/static/jane.doe@mail.example.js)\n` +
      ` at d (${H}/static/617-555-0134.js:1:2)`;
    const out = props({ stack });
    for (const v of ['token', '77120', 'jane.doe', '555-0134']) expect(out).not.toContain(v);
  });
});
