import { describe, expect, it } from 'vitest';
import { allowAllProbe } from '../helpers/open-plan.js';
import { expectPrefilterSound } from '../helpers/prefilter-soundness.js';

// Pass 30b (.tmp/h136): the leftovers of pass 30. Every event goes to an open destination (no BAA, every field
// allowed); the look-alikes must stay.
const { props } = allowAllProbe('s30b');

describe('a name in a script without capitals after a person label', () => {
  it.each([
    ['Arabic after `Patient:` and a right-to-left mark', 'Patient: \u200fليلى المنصوري', 'المنصوري'],
    ['Arabic after `Caller:`', 'Caller: سلمان الحربي, callback requested', 'الحربي'],
    ['Hebrew after `Patient -`', 'Patient - נועה ברקוביץ', 'ברקוביץ'],
    ['Hindi after `Guardian:`', 'Guardian: सुरेश यादव', 'यादव'],
    ['Thai after `Caller:`', 'Caller: สมชาย ใจดี', 'ใจดี'],
    ['Korean after `Caller:`', 'Caller: 김민수', '김민수'],
    ['Korean with an honorific after it', 'Emergency contact: 박서연 님', '박서연'],
    ['Chinese after `Patient:`', 'Patient: 欧阳建国', '欧阳建国'],
    ['Japanese with a space inside', 'Spouse: 佐藤 花子', '花子'],
    ['Hebrew after `Attn:` and a left-to-right mark', 'Attn: \u200eיעל שפירא, DOB on file', 'שפירא'],
    ['Amharic after `Mother:`', 'Mother: አበበች ተሰማ', 'ተሰማ'],
  ])('removes the name: %s', (_case, line, part) => {
    expect(props({ chat_preview: line })).not.toContain(part);
  });

  it('keeps a Korean phrase after the label, and the words after the name', () => {
    const clean = { a: 'Patient: 예약 확인', b: 'Patient: 진료 예약 변경', c: 'Caller: お問い合わせください' };
    const out = props(clean);
    for (const v of Object.values(clean)) expect(out).toContain(v);
    expect(props({ a: 'Caller: سلمان الحربي, callback requested' })).toContain(', callback requested');
  });

  it('is found by the prefilter wherever the detectors find it', () => {
    const parts = ['Patient: ', 'Caller: ', 'Name: ', '\u200f', 'ليلى ', 'המנצור', '김민수', ' 님', '예약 확인', '佐藤', ' ', ', ', 'x'];
    expectPrefilterSound(parts, { maxLength: 5, numRuns: 2000, examples: [['Patient: \u200fليلى المنصوري']] });
  });
});

describe('a name after a cue saying whose it is', () => {
  it.each([
    ['`for patient`', 'Refill request for patient Clementine Vespardine, please advise', 'Vespardine'],
    ['`regarding pt`', 'Message regarding pt Ambrosine Quillfeather', 'Quillfeather'],
    ['`patient name` without a colon', 'patient name Thaddeus Wrexingham', 'Wrexingham'],
    ["`patient's name` without a colon", "the patient's name Leocadia Montgarrow", 'Montgarrow'],
    ['`on behalf of`', 'I am writing on behalf of Ottoline Brackwater about her bill', 'Brackwater'],
  ])('removes the name after %s', (_case, line, part) => {
    expect(props({ chat_preview: line })).not.toContain(part);
  });

  it('keeps a department, a plan or a programme after the same cues', () => {
    const clean = { a: 'Forms for patient Financial Services', b: 'on behalf of Patient Advocacy Office', c: 'Information for patient Rights and Responsibilities',
      d: 'on behalf of Blue Cross', e: 'patient name Field Required', f: 'Tips for patient Portal Login' };
    const out = props(clean);
    for (const v of Object.values(clean)) expect(out).toContain(v);
  });

  it('is found by the prefilter wherever the detectors find it', () => {
    const parts = ['on behalf of ', 'behalf ', 'for patient ', 'patient name ', 'Ottoline ', 'Brackwater', 'Blue Cross', ' ', 'x'];
    expectPrefilterSound(parts, { maxLength: 5, numRuns: 2000, examples: [['on behalf of Ottoline Brackwater']] });
  });
});

describe('a given name after a bare `имя` / `ім\'я` / `imię` after a comma', () => {
  it.each([
    ['Russian', 'Моя фамилия Соколова, имя Аркадий', 'Аркадий'],
    ['Russian with a patronymic', 'Фамилия Гаврилов, имя Степан Ильич, нужен врач', 'Степан'],
    ['Ukrainian', "Моє прізвище Коваль, ім'я Остап", 'Остап'],
    ['Ukrainian, a typographic apostrophe', 'Прізвище Бондар,ім\u2019я Мирослава', 'Мирослава'],
    ['Polish', 'Nazywam się Kowalska, imię Jadwiga', 'Jadwiga'],
  ])('removes the given name in %s', (_lang, line, part) => {
    expect(props({ chat_preview: line })).not.toContain(part);
  });

  it('keeps a name word meaning the field itself', () => {
    const clean = { a: 'Введите логин, имя пользователя и пароль', b: 'Podaj adres, imię i nazwisko', c: "Вкажіть email, ім'я та телефон" };
    const out = props(clean);
    for (const v of Object.values(clean)) expect(out).toContain(v);
  });

  it('is found by the prefilter wherever the detectors find it', () => {
    const parts = [', ', ',', 'имя ', "ім'я ", 'imię ', 'Аркадий', 'Jadwiga', 'пользователя', ' ', 'x'];
    expectPrefilterSound(parts, { maxLength: 5, numRuns: 2000, examples: [['Соколова, имя Аркадий']] });
  });
});

describe('a Vietnamese honorific before a full name', () => {
  it.each([
    ['`Bà`, four syllables', 'Bà Tôn Nữ Thu Hà cần đặt lịch khám', 'Thu Hà'],
    ['`Ông`, three syllables', 'Ông Nguyễn Văn An đến khám lúc 9 giờ', 'Văn An'],
    ['`Chị` after a comma', 'Cảm ơn, chị Lê Thị Hồng sẽ gọi lại', 'Thị Hồng'],
    ['`Cô` in a sentence', 'Xin gặp cô Phan Thị Mai ở quầy', 'Thị Mai'],
    ['`Bà` after a label', 'Bệnh nhân: Bà Hoàng Thị Loan', 'Thị Loan'],
  ])('removes the name after %s', (_case, line, part) => {
    expect(props({ chat_preview: line })).not.toContain(part);
  });

  it('keeps places named with an honorific, and the honorific before a given name alone', () => {
    const clean = { a: 'Bệnh viện Bà Rịa', b: 'Bà Rịa - Vũng Tàu', c: 'Chi nhánh Bà Rịa Vũng Tàu', d: 'Chợ Bà Chiểu mở cửa', e: 'Núi Bà Đen Tây Ninh',
      f: 'ông bà nội của tôi', g: 'Cầu Ông Lãnh Quận 1', h: 'phố Bà Triệu Hoàn Kiếm' };
    const out = props(clean);
    for (const v of Object.values(clean)) expect(out).toContain(v);
  });

  it('is found by the prefilter wherever the detectors find it', () => {
    const parts = ['Bà ', 'bà ', 'Ông ', 'ông ', 'Chị ', 'Cô ', 'Tôn ', 'Nữ ', 'Hà', 'Rịa ', ' ', ', ', '\u2014', 'x'];
    expectPrefilterSound(parts, { maxLength: 5, numRuns: 2000, examples: [['Bà Tôn Nữ Thu Hà']] });
  });
});
