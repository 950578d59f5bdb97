import { describe, expect, it } from 'vitest';
import { openPlanProbe, pageOn } from '../helpers/open-plan.js';

// H168 (pass 32c's leftovers): the public sections under which a mailbox or inbox is an article, and the words for a
// video visit, in the pack's other Latin-script languages. Each class is checked both ways: the public page flows, its
// sensitive look-alike still blocks. Every event goes to the open destination (no BAA).
const { blocked } = openPlanProbe('p33');
const expectAll = (paths: string[], want: boolean) => { for (const p of paths) expect(blocked(pageOn(p)), p).toBe(want); };

describe("an inbox in another language's press room, articles or news", () => {
  it('flows as an article, as it does under /news, /press and /articles', () => {
    expectAll(['/prensa/inbox/read', '/es/prensa/inbox/view', '/presse/inbox/view', '/de/presse/mailbox/read', '/imprensa/mailbox/read',
      '/comunicados-de-prensa/inbox/view', '/fr/communiques-de-presse/inbox/view', '/articulos/inbox/view', '/pt/artigos/inbox/view',
      '/de/geschichten/inbox/view', '/fr/actualites/messagerie-securisee', '/de/aktuelles/postfach/lesen', '/es/noticias/bandeja-de-entrada/ver'], false);
  });
  it("still blocks the member's mailbox in those languages, and a section that is also the patient's messages or records", () => {
    expectAll(['/messagerie-securisee', '/fr/messagerie/lire/4', '/de/postfach/lesen', '/de/posteingang', '/es/bandeja-de-entrada/ver/3',
      '/pt/caixa-de-entrada', '/es/portal/inbox/view/12', '/prensa-portal/inbox/view/3', '/nachrichten/inbox/view', '/historias/inbox/view'], true);
  });
});

describe("a video visit joined or its waiting room entered, in the pack's other languages", () => {
  it('blocks under the word for telehealth at the root and below it', () => {
    expectAll(['/telemedicina/unirse', '/es/videoconsulta/unirse', '/telemedicina/sala-virtual', '/teleconsultation/rejoindre',
      '/videosprechstunde/beitreten', '/de/videosprechstunde/wartezimmer', '/it/teleconsulto/entra', '/servicios/telemedicina/iniciar',
      '/pt/teleconsulta/sala-de-espera', '/zh/远程医疗/候诊室', '/zh-tw/遠程醫療/候診室'], true);
  });
  it('lets the service’s own information pages and an unrelated waiting room flow', () => {
    expectAll(['/telemedicina', '/es/telemedicina/preguntas-frecuentes', '/fr/teleconsultation/comment-ca-marche', '/de/videosprechstunde/faq',
      '/es/hotel/sala-de-espera', '/blog/telemedicina/como-unirse-a-su-cita', '/zh/远程医疗'], false);
  });
});
