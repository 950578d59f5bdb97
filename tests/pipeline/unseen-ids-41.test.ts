import { describe, expect, it } from 'vitest';
import { allowAllProbe } from '../helpers/open-plan.js';
import { expectPrefilterSound } from '../helpers/prefilter-soundness.js';

// Pass 41 (.tmp/h185): online accounts, handles, usernames and personal web addresses. Every event goes to an open
// destination (no BAA, every field allowed) under keys no free-text rule drops; the site is example-health.org.
const { props } = allowAllProbe('s41');

describe('an account name after the network, game, app or label that names it', () => {
  it.each([
    ['you can venmo me @Rue-Tanager-41 for the raffle', 'Rue-Tanager-41'],
    ['paid on cashapp $bellhollow62', 'bellhollow62'],
    ['cash app is $wrenmarsh', 'wrenmarsh'],
    ['my gamertag is QuietHeronX, add me for the charity stream', 'QuietHeronX'],
    ['my xbox gamertag is Amber Kestrel 7', 'Amber Kestrel 7'],
    ['skype: ilse.varga77 for the interpreter call', 'ilse.varga77'],
    ['I post on reddit as u/tired_knees_pdx', 'tired_knees_pdx'],
    ['discord Pelham#3318 if the group needs a mod', 'Pelham#3318'],
    ['my discord is oriel.fenn', 'oriel.fenn'],
    ['my username is cstroud1957 and it is locked', 'cstroud1957'],
    ['I forgot my password, username beatrix_ov', 'beatrix_ov'],
    ['my fitbit user id is 4KQP7Z if you need to sync', '4KQP7Z'],
    ['twitch: hollowpinestreams where I raise money for the hospital', 'hollowpinestreams'],
    ['github username: tamsinquell', 'tamsinquell'],
    ['Minecraft IGN is Larch_Owl, he is 11', 'Larch_Owl'],
    ['kik me at fernvale88', 'fernvale88'],
    ['add me on snap, its saffi.doyle', 'saffi.doyle'],
    ['my screen name on the forum is Copper_Lantern_2', 'Copper_Lantern_2'],
    ['nintendo friend code SW-5512-0093-7741', '5512-0093-7741'],
    ['mi usuario es rocio_palma83 y no puedo entrar', 'rocio_palma83'],
    ['mein Benutzername ist jvoss_58', 'jvoss_58'],
    ['instagram @marisol.dune.85', 'marisol.dune.85'],
  ])('drops it from %j', (text, handle) => {
    expect(props({ chat_line: text })).not.toContain(handle);
  });

  it('drops an account under a key that names a game, a payment app or a person\'s site', () => {
    const out = props({ gamertag: 'SableFinch', venmo_handle: '@Odile-Brandt', cashtag: '$quillmarsh', personal_website: 'https://odilebrandt.net' });
    for (const v of ['SableFinch', 'Odile-Brandt', 'quillmarsh', 'odilebrandt']) expect(out).not.toContain(v);
  });
});

describe('a handle mentioned in a post, a comment or a chat line', () => {
  it.each([
    ['@TorinVale mentioned you in a comment', 'TorinVale'],
    ['thanks @maren_k! see you at the walk', 'maren_k'],
    ['cc @ezra.lund on the shuttle question', 'ezra.lund'],
    ['hey @gwyn_b did your mom get the same bill?', 'gwyn_b'],
    ['agree with @Hollis_Reed99, the pump helped me too', 'Hollis_Reed99'],
    ['@CalloraP replied to your post', 'CalloraP'],
  ])('drops it from %j', (text, handle) => {
    expect(props({ chat_line: text })).not.toContain(handle);
  });
});

describe('a person\'s own web address typed without a scheme', () => {
  it.each([
    ['personal site wilhelminacrane.com if you want my portfolio', 'wilhelminacrane'],
    ['see my blog teodorvasquez.net for the whole story', 'teodorvasquez'],
    ['our family set up the-ashby-family.squarespace.com for updates', 'the-ashby-family'],
    ['updates on lioravance.wordpress.com', 'lioravance'],
    ['check out emrysgale.github.io for my CV', 'emrysgale'],
    ['mi blog es paloma-rivas.com.mx', 'paloma-rivas'],
    ['my homepage: odalysbrook.me', 'odalysbrook'],
  ])('drops it from %j', (text, site) => {
    expect(props({ chat_line: text })).not.toContain(site);
  });
});

describe('an email address spelled out in words', () => {
  it.each([
    ['reach me at ravindra underscore pendleton at outlook dot com please', 'ravindra'],
    ['mi correo es lupe punto arriaga arroba hotmail punto com', 'arriaga'],
  ])('drops the whole address from %j', (text, part) => {
    expect(props({ chat_line: text })).not.toContain(part);
  });
});

describe('what is not a person\'s account', () => {
  it('keeps style sheets, code, prices, hashtags, copy about usernames and the site\'s own account', () => {
    const clean = ['@media (max-width: 600px) { .nav { display: none } }', '@import url(theme.css)', '@font-face { font-family: Inter }',
      'the copay is $25 and parking is $8', 'so proud of the team #breastcancerawareness', 'Your user id is on the back of your card',
      'Log in with your username and password', 'Follow us @ExampleHealth for updates', 'Follow @ExampleHealth on Instagram',
      'Our portal is built on Node.js and ASP.NET', 'visit cdc.gov for flu guidance', 'join on zoom.us or through mychart.org',
      'directions are on example-health.org', 'npm install @segment/analytics-next', 'logo@2x.png', 'meet @ 3pm by the fountain',
      '3 tickets @ $10 each', 'The @here team will review your request', '@Component decorator in Angular', 'Reddit AMA with our cardiology team',
      'the Discord server rules are pinned in #general', 'Watch on YouTube: Heart Health 101', 'Live on Twitch tonight at 7pm',
      'cash app is accepted at the gift shop', 'the gamertag giveaway is for ages 13-17', 'DOT physical at the occupational health clinic',
      'my page on facebook.com', 'log in to my account at mychart.org', 'help.squarespace.com has a guide', 'Xbox: Game Pass Ultimate',
      'el punto de encuentro es la entrada', 'user: guest'];
    const out = props(Object.fromEntries(clean.map((t, i) => [`t${i}`, t])));
    for (const t of clean) expect(out).toContain(t);
  });

  it('keeps what the prefilter skips the same as what the detectors find', () => {
    const parts = ['my ', 'gamertag', 'username', ' is ', ': ', ' ', '@', 'venmo', '$', 'u/', 'jane_d', 'QuietHeron', '85', '.', 'com', 'blog ',
      'squarespace', 'thanks ', 'mentioned', 'punto', ' arroba ', 'x'];
    expectPrefilterSound(parts, { maxLength: 10, numRuns: 2500, examples: [['gamertag is QuietHeron'], ['u/jane_d'], ['my blog x.com']] });
  });
});
