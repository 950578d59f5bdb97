import { describe, expect, it } from 'vitest';
import { allowAllProbe, HOME_PAGE } from '../helpers/open-plan.js';

// `context.locale` was cut to 16 characters and sent unscanned: a client (or a form script writing into the wrong field) put an
// SSN, a name or an email there, and it left for every destination allowing `locale` (the bundled file destination does).
const { sent } = allowAllProbe('lt');
const withLocale = (locale: string) => sent({ ...HOME_PAGE, context: { ...HOME_PAGE.context, locale } });

describe('the locale field', () => {
  it('sends a language tag as it came', () => {
    for (const tag of ['en', 'en-US', 'pt_BR', 'zh-Hant-TW', 'es-419', 'fil']) expect(withLocale(tag)).toContain(`"locale":"${tag}"`);
  });

  it("sends an Accept-Language list's first tag", () => {
    expect(withLocale('en-US,en;q=0.9')).toContain('"locale":"en-US"');
  });

  it('drops anything that is not a language tag', () => {
    for (const value of ['272-90-9601', 'Chloe Haddad', 'en-US;u=mateo.brennan@mailbox.example', '6175550142', 'MRN00123456', 'english please']) {
      const out = withLocale(value);
      expect(out).not.toContain('"locale":');
      expect(out).not.toContain(value.slice(0, 6));
    }
  });
});
