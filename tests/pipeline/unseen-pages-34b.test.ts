import { describe, expect, it } from 'vitest';
import { OPEN_SITE, openPlanProbe, pageOn } from '../helpers/open-plan.js';

// Pass 33b (H171): blind pass 33's classes (H169: a patient's own matter on a hospital's public tools and forms) in
// Vietnamese, Chinese (simplified and traditional), Korean and Tagalog, the other languages of US language-access pages.
// Financial assistance applied for, records requested, an interpreter asked for, a complaint sent and a payment plan set
// up block; the service's page, its policy and how to apply or ask flow. Every event goes to the open destination (no
// BAA); the spellings are the tests' own.
const { blocked } = openPlanProbe('p34b');
const titled = (path: string, title: string) => ({ properties: {}, context: { page: { path, url: `${OPEN_SITE}${path}`, title } } });
const tracked = (event: string, path = '/about') => ({ type: 'track', event, properties: {}, ...pageOn(path) });
const expectAll = (events: Record<string, unknown>[], want: boolean) => { for (const e of events) expect(blocked(e), JSON.stringify(e)).toBe(want); };

describe('financial assistance applied for and a payment plan set up', () => {
  it('blocks an application and an enrolment in Vietnamese, Chinese, Korean and Tagalog, as paths, titles and events', () => {
    expectAll([pageOn('/vi/tro-giup-tai-chinh/nop-don'), pageOn('/vi/h%E1%BB%97-tr%E1%BB%A3-t%C3%A0i-ch%C3%ADnh/%C4%91%C4%83ng-k%C3%BD'),
      pageOn('/vi/don-xin-ho-tro-vien-phi'), pageOn('/zh-hant/財務援助/申請表'), pageOn('/zh-cn/申请经济资助'), pageOn('/ko/의료비-지원/신청'),
      pageOn('/tl/mag-aplay-para-sa-tulong-pinansiyal'), pageOn('/tl/pinansyal-na-tulong/aplikasyon'), pageOn('/vi/thanh-toan-tra-gop/dang-ky'),
      pageOn('/zh-tw/還款計劃/申請'), pageOn('/ko/납부-계획/등록'), pageOn('/tl/planong-pagbabayad/magpatala'),
      titled('/zh/about', '財務援助申請 - 某醫院'), tracked('經濟補助申請已提交'), tracked('재정 지원 신청 완료')], true);
  });
  it("lets the programme's page, its policy and how to apply flow", () => {
    expectAll([pageOn('/vi/ho-tro-vien-phi'), pageOn('/vi/chinh-sach-tro-giup-tai-chinh'), pageOn('/zh-hant/財務援助'), pageOn('/zh/财政援助政策'),
      pageOn('/zh/怎么申请经济资助'), pageOn('/zh/经济援助申请须知'), pageOn('/ko/의료비-지원'), pageOn('/ko/의료비-지원/신청-안내'),
      pageOn('/tl/tulong-pinansiyal'), pageOn('/vi/ke-hoach-thanh-toan'), pageOn('/zh/分期付款'), pageOn('/ko/분할-결제'),
      pageOn('/tl/plano-sa-pagbabayad'), titled('/zh/about', '如何申請財務援助 | 某醫院')], false);
  });
});

describe("one's records requested and an interpreter asked for", () => {
  it('blocks a records request and an interpreter request in the four languages', () => {
    expectAll([pageOn('/vi/xin-ban-sao-ho-so-suc-khoe'), pageOn('/vi/ho-so-y-te/mau-yeu-cau'), pageOn('/zh/索取健康档案'), pageOn('/zh-tw/醫療紀錄/調閱'),
      pageOn('/ko/건강-기록/사본-발급'), pageOn('/tl/talaan-pangkalusugan/kahilingan'), pageOn('/vi/dat-lich-phien-dich-vien'),
      pageOn('/vi/phien-dich/dang-ky'), pageOn('/zh-tw/預約傳譯'), pageOn('/zh/翻译服务/预约'), pageOn('/ko/통역사/예약'),
      pageOn('/tl/humingi-ng-tagasalin'), tracked('Đã gửi yêu cầu phiên dịch'), tracked('통역 요청')], true);
  });
  it('lets the records and language-services pages and how to ask flow', () => {
    expectAll([pageOn('/zh/健康档案'), pageOn('/zh/医疗记录申请指南'), pageOn('/ko/건강-기록'),
      pageOn('/vi/dich-vu-phien-dich'), pageOn('/zh-tw/傳譯服務'), pageOn('/ko/통역-서비스/예약-방법'), pageOn('/tl/tagasalin'),
      tracked('Đã gửi yêu cầu liên hệ')], false);
  });
});

describe('a complaint sent', () => {
  it('blocks a complaint at its done step and as an event, in the four languages', () => {
    expectAll([pageOn('/vi/phan-nan/hoan-tat'), pageOn('/vi/khieu-nai-benh-nhan/submitted'), pageOn('/zh-tw/申訴表/已送出'),
      pageOn('/zh/投诉/thank-you'), pageOn('/ko/고충/제출-완료'), pageOn('/ko/불편-사항/감사합니다'), pageOn('/tl/hinaing/natanggap'),
      tracked('Phàn nàn đã gửi'), tracked('申诉提交成功'), tracked('민원 접수 완료'), tracked('Naisumite na ang reklamo')], true);
  });
  it('lets the complaints page and its process flow', () => {
    expectAll([pageOn('/vi/phan-nan'), pageOn('/vi/khieu-nai/quy-trinh'), pageOn('/zh-tw/申訴流程'), pageOn('/zh/如何提交投诉'),
      pageOn('/ko/고충-처리'), pageOn('/tl/reklamo/paano-magsumite')], false);
  });
});

describe("H169's other leftovers", () => {
  it('blocks a records request named for doing it online, as the request page it is', () => {
    expectAll([pageOn('/patients/request-your-records-online'), pageOn('/request-medical-records-electronically')], true);
    expectAll([pageOn('/patients/how-to-request-your-records-online'), pageOn('/medical-records/faq')], false);
  });
  it("blocks a Spanish consulta's start under a telehealth service; another service's consultation still flows", () => {
    expectAll([pageOn('/services/telemedicina/consulta/start'), pageOn('/servicios/telesalud/consulta/iniciar'), pageOn('/visita/comenzar')], true);
    expectAll([pageOn('/services/telemedicina/consulta'), pageOn('/services/cirugia-plastica/consulta/start')], false);
  });
  it('never lets a portal, payment, confirmation, refill or intake path flow', () => {
    expectAll(['/billing/pay/vi', '/patient-portal/zh', '/appointments/confirm/ko', '/pharmacy/refill/tl', '/intake/new-patient/vi', '/mychart/zh']
      .map((p) => pageOn(p)), true);
  });
});

describe("the records office's own root in other languages (as /medical-records)", () => {
  it('blocks the records root in Vietnamese, Chinese, Korean, French and Portuguese', () => {
    expectAll([pageOn('/vi/ho-so-y-te'), pageOn('/zh/医疗记录'), pageOn('/zh-tw/醫療紀錄'), pageOn('/ko/의료-기록'), pageOn('/fr/dossier-medical'),
      pageOn('/pt/prontuario-medico'), pageOn('/vi/ho-so-benh-an/xem')], true);
  });
  it('lets its FAQ and fees pages and news about records flow', () => {
    expectAll([pageOn('/vi/ho-so-y-te/faq'), pageOn('/ko/의료-기록/fees'), pageOn('/vi/tin-tuc/ho-so-y-te-dien-tu-ra-mat'),
      pageOn('/blog/dossier-medical-partage'), pageOn('/zh/新闻/医疗记录')], false);
  });
});
