import { describe, expect, it } from 'vitest';
import { allowAllProbe } from '../helpers/open-plan.js';
import { expectPrefilterSound } from '../helpers/prefilter-soundness.js';

// Pass 30 (.tmp/h130): identifiers as visitors write them in the languages US hospitals offer language access in, and the
// leftovers of pass 29. Every event goes to an open destination (no BAA, every field allowed); the look-alikes must stay.
const { props } = allowAllProbe('s30');

describe('`my name is` and name labels in language-access languages', () => {
  it.each([
    ['Tagalog', 'Magandang hapon po, ang pangalan ko ay Corazon Manalastas at may tanong ako', 'Manalastas'],
    ['Tagalog with `po`', 'Pangalan ko po ay Danilo Catacutan', 'Catacutan'],
    ['Tagalog `ako si`', 'Hi po, ako si Jericho Dimagiba, anak ng pasyente', 'Dimagiba'],
    ['Haitian Creole', 'Bonswa, mwen rele Guerline Théodore, mwen ta renmen yon randevou', 'Théodore'],
    ['Haitian `non mwen se`', 'non mwen se Jean-Robert Lamothe', 'Lamothe'],
    ['Somali', 'Magacaygu waa Ifrah Cabdiqaadir Xirsi', 'Cabdiqaadir'],
    ['Hmong', 'Kuv lub npe yog Mai Nou Vang', 'Nou Vang'],
    ['Hindi', 'नमस्ते, मेरा नाम अमित शर्मा है, मुझे डॉक्टर से मिलना है', 'शर्मा'],
    ['Nepali', 'मेरो नाम सुनिता राई हो', 'राई'],
    ['Urdu', 'میرا نام فرحان قریشی ہے', 'قریشی'],
    ['Farsi, a name joined by ZWNJ', 'اسم من لیلا حسین‌زاده است', 'حسین‌زاده'],
    ['Bengali', 'আমার নাম তানভীর আহমেদ', 'আহমেদ'],
    ['Punjabi', 'ਮੇਰਾ ਨਾਮ ਜਸਪ੍ਰੀਤ ਸੰਧੂ ਹੈ', 'ਸੰਧੂ'],
    ['Gujarati', 'મારું નામ હેતલ દેસાઈ છે', 'દેસાઈ'],
    ['Amharic', 'ስሜ መሰረት ታደሰ ነው', 'ታደሰ'],
    ['Armenian', 'Իմ անունը Անահիտ Մկրտչյան է', 'Մկրտչյան'],
    ['Khmer', 'ខ្ញុំឈ្មោះ ហេង វណ្ណា', 'វណ្ណា'],
    ['Lao', 'ຂ້ອຍຊື່ ສົມສັກ ແກ້ວມະນີ', 'ແກ້ວມະນີ'],
    ['Burmese', 'ကျွန်မနာမည် ခင်မာလာ ပါ', 'ခင်မာလာ'],
    ['Yiddish', 'מיין נאָמען איז שמואל גרינבערג', 'גרינבערג'],
    ['Russian `моя фамилия`', 'Моя фамилия Воробьёва', 'Воробьёва'],
    ['Ukrainian `моє ім\'я`', "Моє ім'я Ярослава Мельник", 'Мельник'],
    ['Korean, the name before `라고 합니다`', '저는 곽지현이라고 합니다', '곽지현'],
    ['Japanese, the name before `と申します`', '初めまして、渡辺美咲と申します', '渡辺美咲'],
    ['Vietnamese, four words', 'tôi tên là Phạm Thị Kim Oanh', 'Oanh'],
    ['Arabic, a compound given name', 'اسمي عبد الله محمود الشريف', 'الشريف'],
    ['Vietnamese label', 'Họ và tên: Đoàn Văn Tài', 'Tài'],
    ['Tagalog label', 'Buong pangalan: Rowena Sumulong', 'Sumulong'],
    ['Haitian label', 'Non konplè: Dieunel Exantus', 'Exantus'],
    ['Hindi label', 'नाम: गीता मिश्रा', 'मिश्रा'],
    ['Farsi label', 'نام و نام خانوادگی: بهرام صفوی', 'صفوی'],
    ['Somali label', 'Magaca: Sahra Maxamuud', 'Maxamuud'],
    ['Chinese `我的名字叫`', '我的名字叫宇文丽华', '宇文丽华'],
    ['Turkish `Adım` opening the text', 'Adım Hakan Yıldırımoğlu, randevumu değiştirmek istiyorum', 'Yıldırımoğlu'],
  ])('removes the name after the %s cue', (_lang, line, part) => {
    expect(props({ chat_preview: line })).not.toContain(part);
  });

  it('keeps the words around the name, and cue words meaning something else', () => {
    const clean = { a: 'mwen rele klinik la yè', b: 'Rele nou jodi a pou yon randevou', c: 'Adım 3: Randevunuzu onaylayın', d: 'Adım Adım Sağlıklı Yaşam, herkes için',
      e: 'Ako ay nagpapasalamat', f: 'Sèvis entèprèt gratis', g: 'Libreng serbisyo ng tagasalin', h: '저는 예약을 하고 싶어요', i: 'निःशुल्क दुभाषिया सेवाएं',
      j: 'Magacyada dhakhaatiirta', k: 'ខ្ញុំចង់ណាត់ជួប' };
    const out = props(clean);
    for (const v of Object.values(clean)) expect(out).toContain(v);
    const around = props({ a: 'मेरा नाम अमित शर्मा है, मुझे डॉक्टर से मिलना है', b: 'שלום, קוראים לי מרים כהן ואני צריכה תור', c: 'ខ្ញុំឈ្មោះ ហេង វណ្ណា ខ្ញុំចង់ណាត់ជួប' });
    for (const v of ['है, मुझे डॉक्टर से मिलना है', 'ואני צריכה תור', 'ខ្ញុំចង់ណាត់ជួប']) expect(around).toContain(v);
  });

  it('is found by the prefilter wherever the detectors find it', () => {
    const parts = ['ang pangalan ko ay ', 'ako si ', 'mwen rele ', 'non mwen se ', 'magacaygu waa ', 'kuv lub npe yog ', 'मेरा नाम ', 'اسم من ', 'ስሜ ',
      'ខ្ញុំឈ្មោះ ', 'Họ và tên: ', 'Non konplè: ', '저는 ', '이라고 합니다', 'と申します', '渡辺', 'Adım ', 'Hakan ', 'Rowena ', 'Sumulong', ', ', '. ', 'है', 'x', ' '];
    expectPrefilterSound(parts, { maxLength: 6, numRuns: 2500, examples: [['mwen rele Guerline Théodore'], ['저는 곽지현이라고 합니다'], ['ako si Jericho Dimagiba']] });
  });
});

describe('relatives named in passing in language-access languages', () => {
  it.each([
    ['Spanish', 'mi esposo Anselmo Quiñónez necesita una cita', 'Quiñónez'],
    ['Portuguese', 'meu filho Valdemar Albuquerque está com febre', 'Valdemar'],
    ['French', 'mon père Hippolyte Fauconnier est hospitalisé', 'Fauconnier'],
    ['Haitian', 'Papa mwen Wesner Charlestin malad', 'Charlestin'],
    ['Tagalog', 'ang lola ko na si Remedios Dalisay ay nasa ospital', 'Dalisay'],
    ['Vietnamese', 'chồng tôi Lương Văn Phúc bị đau lưng', 'Phúc'],
    ['Russian', 'мой отец Геннадий Сорокин в больнице', 'Сорокин'],
    ['Hindi', 'मेरे पिता रमेश चौहान को दवा चाहिए', 'चौहान'],
    ['Arabic', 'والدي ناصر العنزي', 'العنزي'],
    ['Farsi', 'مادرم فرشته نوروزی را ببینید', 'نوروزی'],
    ['Korean', '아버지 탁성훈 님 진료 예약', '탁성훈'],
    ['Chinese', '我父亲林国栋需要翻译', '林国栋'],
  ])('removes a relative named in %s', (_lang, line, part) => {
    expect(props({ widget_text: line })).not.toContain(part);
  });

  it('keeps relatives with no name after them', () => {
    const clean = { a: 'mi esposo necesita una cita', b: 'Ma Clinique Santé', c: '我妈妈需要预约', d: '어머니 진료 문의', e: 'minha mãe precisa de ajuda' };
    const out = props(clean);
    for (const v of Object.values(clean)) expect(out).toContain(v);
  });
});

describe('dates, record numbers and addresses in language-access languages', () => {
  it.each([
    ['Tagalog, month first', 'Kaarawan: Setyembre 2, 1944', 'Setyembre 2'],
    ['Tagalog, day first', 'ipinanganak noong ika-5 ng Agosto 1950', '5 ng Agosto'],
    ['Haitian', 'Mwen fèt 14 desanm 1952', '14 desanm'],
    ['Russian, genitive', 'родилась 9 мая 1945 года', '9 мая'],
    ['Ukrainian, genitive', 'народився 21 листопада 1950', '21 листопада'],
    ['Vietnamese', 'sinh ngày 3 tháng 11 năm 1946', '3 tháng 11'],
    ['Korean, after its label', '생년월일 47.10.05', '47.10.05'],
  ])('removes a %s date', (_lang, line, part) => {
    expect(props({ last_input: line })).not.toContain(part);
  });

  it.each([
    ['Spanish', 'Número de afiliado: KP-550273', '550273'],
    ['Portuguese', 'carteirinha 77120938', '77120938'],
    ['French', 'numéro de dossier : 4412087', '4412087'],
    ['Haitian', 'Nimewo dosye: 330918', '330918'],
    ['Vietnamese', 'Số thẻ bảo hiểm: DN4790213', '4790213'],
    ['Chinese', '病歷號碼：Z204471', '204471'],
    ['Japanese', '被保険者番号：00482213', '482213'],
    ['Korean', '환자 번호: 7730918', '7730918'],
    ['Russian', 'номер медкарты 55-2091', '2091'],
    ['Arabic', 'رقم المريض: ٤٤٠١٩٢', '440192'],
    ['Farsi', 'شماره پرونده: ۸۸۲۰۱۳', '882013'],
    ['Hebrew', 'מספר תיק: 660214', '660214'],
  ])('removes a record or member number after a %s label', (_lang, line, digits) => {
    const out = props({ last_input: line });
    expect(out).toContain('[ID]');
    expect(out).not.toContain(digits);
  });

  it.each([
    ['Spanish, number first', 'Vivo en 1550 Camino del Rey, apto 4', 'Camino del Rey'],
    ['Vietnamese', 'Nhà tôi ở 915 Đường Bolsa, Westminster', 'Bolsa'],
    ['Chinese', '我住在格兰特大道950号', '950号'],
  ])('removes a %s street address', (_lang, line, part) => {
    expect(props({ last_input: line })).not.toContain(part);
  });

  it('keeps numbers and dates that no label or month names', () => {
    const clean = { a: 'Número de miembro: aún no lo tengo', b: 'Horario: 8 a 5', c: '3 tháng trước', d: 'сертификат 2026 года', e: 'Paso 2 Calle abierta',
      f: 'Find the serial number on the back of your device', g: 'версия 7 сентября' };
    const out = props(clean);
    for (const v of Object.values(clean)) expect(out).toContain(v);
  });
});

describe('free-text fields named in language-access languages', () => {
  it.each(['tin_nhắn', '留言', '備註', 'メッセージ', '메시지', 'mensahe', 'komantè', 'сообщение', 'повідомлення', 'رسالة', 'پیام', 'پیغام', 'הודעה',
    'संदेश', 'বার্তা', 'ਸੁਨੇਹਾ', 'સંદેશ', 'fariin', 'መልእክት', 'հաղորդագրություն', 'សារ', 'ຂໍ້ຄວາມ'])('drops the text under `%s`', (key) => {
    expect(props({ [key]: 'Ottoline Marchbanks-Quayle needs her refill', form_id: 'interpreter-request' })).not.toContain('Marchbanks');
  });
});

describe('pass 29 leftovers', () => {
  it.each([
    ['a portrait named for its sitter', '/wp-content/uploads/2026/10/henrietta-calloway-portrait.jpg', 'calloway'],
    ['`portrait of` a person', 'portrait-of-bartholomew-ashdale-final.png', 'ashdale'],
    ['a portrait, capitalised', 'Portrait_Cordelia_Wexbrooke.jpg', 'Wexbrooke'],
  ])('removes the person in %s', (_what, file, part) => {
    expect(props({ asset_name: file })).not.toContain(part);
  });

  it.each([
    ['after `is`', 'The serial number on my pump is RT8K44721', 'RT8K44721'],
    ['after `reads`', 'serial no. on the sticker reads 7HQ2290X', '7HQ2290X'],
  ])('removes a serial number parted from its label (%s)', (_what, line, serial) => {
    expect(props({ last_input: line })).not.toContain(serial);
  });

  const refs = (t: string): string => [...t].map((c) => `&#${c.codePointAt(0)};`).join('');
  it.each([
    ['a surname alone', refs('Okonkwo'), 'Okonkwo'],
    ['a name in lower case', refs('jane whitlock'), 'whitlock'],
    ['a surname in escapes', '\\u0041\\u0064\\u0065\\u0062\\u0061\\u0079\\u006f', 'Adebayo'],
  ])('removes %s spelled in character references', (_what, value, name) => {
    const out = props({ display: value });
    expect(out).toContain('[NAME]');
    expect(out).not.toContain(value.slice(0, 12));
    expect(out).not.toContain(name);
  });

  it.each([
    ['an uncommon TLD', 'write to ngozi dot adebayo at inbox dot clinic', 'adebayo'],
    ['a new TLD', 'email: t dot okafor at mailbox dot xyz please', 'okafor'],
  ])('removes a spelled address whose user part spells its dots too (%s)', (_what, line, part) => {
    expect(props({ last_input: line })).not.toContain(part);
  });

  it('keeps site words in references and prose around `dot` and `at`', () => {
    const clean = { a: refs('Flu clinic'), b: refs('Contact us'), c: 'meet at noon dot Then', d: 'the red dot at the corner dot png', e: 'lee at example dot zz' };
    const out = props(clean);
    for (const v of Object.values(clean)) expect(out).toContain(v);
  });

  it('keeps site images and serial words without a serial', () => {
    const clean = { a: '/images/portrait-mode-photography-tips-1280x720.jpg', b: '/static/team-headshot-placeholder.svg', c: '/img/staff-portrait-2026.jpg',
      d: 'Your serial number is printed on the label', e: 'portrait-studio-lighting.jpg' };
    const out = props(clean);
    for (const v of Object.values(clean)) expect(out).toContain(v);
  });

  it('is found by the prefilter wherever the detectors find it', () => {
    const parts = ['serial number ', 'of my pump ', 'is ', 'reads ', 'RT8K44721', 'mi esposo ', 'Anselmo ', 'Quiñónez', 'Papa mwen ', 'ang lola ko na si ', 'Remedios ',
      'мой отец ', 'Геннадий ', 'Сорокин', '아버지 ', '탁성훈', ' 님', '我父亲', '林国栋', 'Setyembre 2, 1944', '9 мая 1945', ' ', ', ', 'x'];
    expectPrefilterSound(parts, { maxLength: 6, numRuns: 2500, examples: [['mi esposo Anselmo Quiñónez'], ['아버지 탁성훈 님'], ['serial number of my pump is RT8K44721']] });
  });
});
