import { describe, expect, it } from 'vitest';
import { allowAllProbe, pageAt } from '../helpers/open-plan.js';

// H101, utility pass 5: clean values from video players, media elements, image CDNs, download links, class schedules,
// mailings, chat and flag tools and error trackers that still went out cut, redacted or dropped. Each kept class is
// checked beside the same shape carrying an identifier, which is still caught. The destination has no BAA and allows
// every property; pages are on https://www.example-health.org.
const { props, sent } = allowAllProbe('m101');
const H = 'https://www.example-health.org';
const soon = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const field = (out: string, k: string, v: string | number): string => `"${k}":${JSON.stringify(v)}`;

describe("a video host's own ids and player options", () => {
  it('keeps YouTube, Vimeo and Wistia video addresses with their ids, start times and player flags', () => {
    const kept = { video_url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=30s', share_url: 'https://youtu.be/Xk3Hq9LmN2s',
      embed_url: 'https://www.youtube-nocookie.com/embed/aB3dE5fG7hI?rel=0&modestbranding=1', vimeo_url: 'https://player.vimeo.com/video/1012345678?autoplay=1&muted=1',
      media_url: 'https://fast.wistia.net/embed/iframe/e4a27b971d?videoFoam=true', wistia_hashed_id: 'e4a27b971d' };
    const out = props(kept);
    for (const [k, v] of Object.entries(kept)) expect(out).toContain(field(out, k, v));
  });

  it("still cuts a share token, an email in the query, an SSN's or a phone number's digits as a Vimeo id, ids on other hosts and a hashed user id", () => {
    const out = props({ video_url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&si=Kx81bQ2mZp0Lw7Rt&email=jane.doe%40mail.example',
      vimeo_url: 'https://player.vimeo.com/video/536224411', vimeo_two: 'https://vimeo.com/5035550142', other_url: 'https://example.org/watch?v=dQw4w9WgXcQ',
      other_two: 'https://example.org/embed/e4a27b971d', user_hashed_id: 'e4a27b971d', wistia_hashed_id: '5f4dcc3b5aa765d61d8327deb882cf99' });
    for (const v of ['Kx81bQ2mZp0Lw7Rt', 'jane.doe', '536224411', '5035550142', 'example.org/watch?v', 'example.org/embed/e4a27b971d', 'user_hashed_id', '5f4dcc3b']) {
      expect(out).not.toContain(v);
    }
    expect(out).toContain('"video_url":"https://www.youtube.com/watch?v=dQw4w9WgXcQ"');
  });
});

describe("a media element's source and an image CDN's parameters", () => {
  it('sends a poster, a player source and a CDN image with its size, format and cache version', () => {
    const kept = { poster: `${H}/media/posters/heart-valve-animation.jpg`, player_src: 'https://player.vimeo.com/video/1012345678',
      image_url: 'https://cdn.sanity.io/images/q8n2kz4a/production/7f3e2b91c4d8e6a0b1f2-1200x800.jpg?w=800&q=75&fm=webp',
      background_image: 'https://images.ctfassets.net/x7q2kz9lm3/5nQw8Rk2Tt/hero-bg-maternity.jpg',
      thumbnail: 'https://cdn.shopify.com/s/files/1/0612/3344/products/teddy-12in_400x400.png?v=1729001122', hero_img: `${H}/images/locations/lobby.jpg`,
      bg_image: 'https://res.cloudinary.com/northbay/image/upload/f_auto,q_auto,w_1600/v1731000000/sections/womens-health-bg.jpg',
      promo_image: 'https://cdn.shopify.com/s/files/1/0612/3344/files/holiday-banner_1600x.jpg' };
    const out = props(kept);
    for (const [k, v] of Object.entries(kept)) expect(out).toContain(field(out, k, v));
  });

  it("still cuts a token or an email among image parameters, a phone number as an asset directory, a portal's poster and a person's picture source", () => {
    const out = props({ image_url: `${H}/img/a.jpg?w=800&token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJlX3g&to=jane.doe%40mail.example`,
      cdn_image: 'https://cdn.shopify.com/s/files/5035550142/products/a.jpg', page_image: `${H}/guide.html?w=800`,
      poster: `${H}/patient-portal/messages/poster.jpg`, avatar_src: `${H}/media/hero.jpg`, video_src: `${H}/media/u/jane.doe@mail.example.mp4`,
      gallery_src: `${H}/img/503_555_0142x.jpg` });
    for (const v of ['eyJhbGci', 'jane.doe', '5035550142', 'guide.html?w', 'patient-portal', 'avatar_src', '0142']) expect(out).not.toContain(v);
    expect(out).toContain(`"image_url":"${H}/img/a.jpg?w=800"`);
  });
});

describe("a site picture's alt text, a download link and a class's coming session", () => {
  it('keeps alt text under an image key, a document link under href or url, and a coming session date or schedule', () => {
    const kept = { image_alt: 'Aerial view of the new patient tower at sunrise', href: `${H}/documents/2026-financial-assistance-application.pdf`,
      url: '/documents/visitor-guide-2026.docx', class_name: 'Childbirth Preparation', next_session: soon(40), upcoming_session: 'Tuesdays 6:30-8:30 PM',
      webinar_session: soon(5) };
    const out = props(kept);
    for (const [k, v] of Object.entries(kept)) expect(out).toContain(field(out, k, v));
  });

  it("still drops a person's picture's alt text, an email in alt text, a page's own href, a blocked page's document and a session id", () => {
    const out = props({ avatar_alt: 'Dorota Kowalczyk', image_alt: 'Photo sent by jane.doe@mail.example', next_session: '1961-03-14',
      next_session_id: 'sess_8f3e2b91c4d8e6a0', href: `${H}/about/leadership` });
    for (const v of ['Dorota', 'jane.doe', '1961-03-14', 'sess_8f3e', 'leadership']) expect(out).not.toContain(v);
    // Without a class beside it, a next session may be a therapy's or a visit's.
    expect(props({ therapy_type: 'physical', next_session: soon(4), session: soon(4) })).not.toContain(soon(4));
    const portal = props({ href: `${H}/patient-portal/statements/statement-2026-10.pdf`, link_text: 'Statement' });
    expect(portal).not.toContain('patient-portal');
  });
});

describe("a mailing's, a chat tool's, a flag tool's and an error tracker's own values", () => {
  it('keeps mailing templates and campaign numbers, a playbook number, a split treatment, a Sentry release and a send time', () => {
    const kept = { email_template: 'Monthly Wellness Digest - December', email_campaign_id: '38119274', playbook_id: '2873164',
      split_name: 'fad_filters_layout', treatment: 'sidebar_v2', sentry_release: 'web@2026.11.27-2', send_time: new Date().toISOString(),
      subscribed_at: new Date().toISOString(), transfer_size: '18342' };
    const out = props(kept);
    for (const [k, v] of Object.entries(kept)) expect(out).toContain(field(out, k, v));
  });

  it("still drops an email address, an email in a template's name, a record number, a treatment without a flag, a care word in a treatment and an old date", () => {
    const out = props({ email_address: 'jane.doe@mail.example', email_template: 'Copy to ana.lima@mail.example', patient_id: '2873164',
      sentry_release: 'jane@1961.03.14', send_time: '1961-03-14T10:00:00Z', subscribed_at: '1958-04-02T10:00:00Z', transfer_size: '536-22-4411' });
    for (const v of ['jane.doe', 'ana.lima', '2873164', '1961.03.14', '1961-03-14', '1958-04-02', '536-22-4411']) expect(out).not.toContain(v);
    expect(props({ treatment: 'sidebar_v2' })).not.toContain('sidebar_v2');
    expect(props({ split: 'scheduling_widget', treatment: 'chemotherapy' })).not.toContain('chemotherapy');
  });
});

describe('code URLs in a stack trace', () => {
  const trace = (host: string) => `TypeError: x\n    at render (https://${host}/_next/static/chunks/main-1a2b3c4d.js:1:40)`;
  const on = (page: string, properties: Record<string, unknown>) => sent({ properties, ...pageAt(page) });

  it("keeps the site's own scripts (its host and its domain's), a public CDN's, and content-hashed asset names", () => {
    const out = on(`${H}/find-a-doctor`, { stack: `${trace('www.example-health.org')}\n    at https://static.example-health.org/app.js:2:3\n    at https://cdn.jsdelivr.net/npm/x/dist/x.min.js:1:9`,
      resource_url: `${H}/_next/static/css/3c9e1f2a8b7d4e60.css` });
    expect(out).toContain('https://www.example-health.org/_next/static/chunks/main-1a2b3c4d.js:1:40');
    expect(out).toContain('https://static.example-health.org/app.js:2:3');
    expect(out).toContain('https://cdn.jsdelivr.net/npm/x/dist/x.min.js:1:9');
    expect(out).toContain(`"resource_url":"${H}/_next/static/css/3c9e1f2a8b7d4e60.css"`);
  });

  it("cuts another host's script, also when the same text was kept for an event of that host before", () => {
    const own = on('https://jdoe-portfolio.example/x', { stack: trace('jdoe-portfolio.example') });
    expect(own).toContain('jdoe-portfolio.example/_next');
    const other = on(`${H}/find-a-doctor`, { stack: trace('jdoe-portfolio.example'), script_url: `${H}/u/8842197730/widget.js` });
    expect(other).not.toContain('jdoe-portfolio');
    expect(other).not.toContain('8842197730');
  });

  it("cuts another host's script spelled in a link's path, also when an event of that host came first", () => {
    const link = `${H}/go/${encodeURIComponent('https://jdoe-portfolio.example/u/jdoe/widget.js')}`;
    on('https://jdoe-portfolio.example/x', { link_url: link });
    const other = on(`${H}/find-a-doctor`, { link_url: link });
    expect(other).not.toContain('jdoe');
  });
});
