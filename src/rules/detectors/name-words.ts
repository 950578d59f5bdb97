// Words that end or join a name in the languages of access-cues.ts (person-name.ts nameEnd), kept apart so the
// cue modules and person-name.ts share them without an import cycle at load time.

/** A copula or `and` after a name (`मेरा नाम प्रिया मल्होत्रा है`, `اسم من مریم رضایی است`, `ስሜ … ነው`, `Իմ անունը … է`), a Hebrew or
 * Arabic `and I`/`and want` (`קוראים לי נועה אברהמי ואני…`), Tagalog `po` and `at`, Haitian `mwen` and `ak`, Somali `waxaan`/`iyo`, Hmong `kuv`. */
export const NAME_STOPS: readonly string[] = ['है', 'हूँ', 'हूं', 'हो', 'हुँ', 'ہے', 'ہوں', 'است', 'هستم', 'هست', 'ነው', 'ይባላል', 'է', 'եմ', 'છે', 'છું',
  'ਹੈ', 'ਹਾਂ', 'ပါ', 'और', 'اور', 'এবং', 'আর', 'و', 'ואני', 'ואנחנו', 'ואשמח', 'וצריך', 'וצריכה', 'ורוצה', 'وأريد', 'واريد', 'وأنا', 'وانا',
  'po', 'mwen', 'ak', 'waxaan', 'iyo', 'kuv',
  // Hindi and Urdu postpositions, Farsi `را`/`به`/`که` (`मेरी माँ कमला देवी अग्रवाल को दवा चाहिए`, `پدرم هوشنگ افشارپور نیاز به …`)
  'को', 'का', 'की', 'के', 'ने', 'کو', 'کا', 'کی', 'نے', 'را', 'به', 'که', 'نیاز'];

/** Words inside a name that do not count towards its three words: Vietnamese middle names `Thị`, `Văn`; Arabic `بن`, `بنت`, `أبو`, `آل`,
 * and `عبد`, which makes one given name with the word after it (`عبد الرحمن`), even opening the name (`عبد الله محمود الشريف`). */
export const NAME_PARTICLES: readonly string[] = ['thị', 'văn', 'عبد', 'بن', 'بنت', 'أبو', 'ابو', 'ابن', 'آل'];
// A surname's own particle may open it after a label (`Patient: de la Cruz, Juan`, `Name: van der Berg`).
export const LEADING_PARTICLES: ReadonlySet<string> = new Set(['عبد', 'de', 'del', 'van', 'von', 'da', 'di', 'du', 'dos', 'das']);

// Capitalised words that follow `I'm`, `this is`, `Patient:` or a sign-off in titles and prose.
export const TITLE_STOP: ReadonlySet<string> = new Set([
  'looking', 'interested', 'not', 'new', 'here', 'so', 'very', 'sorry', 'ready', 'sure', 'glad', 'happy', 'just', 'still',
  'also', 'now', 'able', 'unable', 'your', 'our', 'my', 'their', 'his', 'her', 'its', 'this', 'that', 'what', 'how', 'why',
  'when', 'where', 'who', 'pregnant', 'sick', 'worried', 'concerned', 'back', 'done', 'over', 'under', 'about', 'all',
  'some', 'any', 'no', 'yes', 'ok', 'okay', 'fine', 'well', 'good', 'great', 'better', 'worse', 'portal', 'login',
  'education', 'resources', 'information', 'info', 'services', 'service', 'care', 'center', 'centre', 'stories', 'forms',
  'form', 'rights', 'guide', 'safety', 'experience', 'visitor', 'visitors', 'records', 'record', 'support', 'access',
  'account', 'name', 'number', 'test', 'welcome', 'home', 'health', 'medical', 'team', 'everyone', 'everybody', 'it',
  'we', 'you', 'they', 'he', 'she', 'us', 'one', 'two', 'first', 'last', 'next', 'only', 'due', 'out', 'off', 'on', 'in',
  'at', 'a', 'an', 'the', 'diabetic', 'allergic', 'asthmatic', 'epileptic', 'anemic', 'anaemic', 'bipolar', 'deaf', 'blind',
  'disabled', 'insured', 'uninsured', 'covered', 'eligible', 'currently', 'still', 'positive', 'negative',
  // after `Dear` and a relative: `Dear Valued Patient`, `my Mother's Day gift`
  'valued', 'patient', 'patients', 'customer', 'customers', 'friend', 'friends', 'member', 'members', 'colleague', 'colleagues',
  'sir', 'madam', 'doctor', 'dr', 'neighbor', 'neighbour', 'family', 'families', 'will', 'was', 'has', 'had', 'needs', 'wants',
  // how a message says what it is (`this is Urgent`, `I'm Frustrated`)
  'urgent', 'important', 'frustrated', 'confused', 'unacceptable', 'ridiculous', 'terrible', 'awful', 'amazing', 'correct', 'wrong', 'true', 'false',
]);

// Medicines, tests, vaccines, plans and care words a relative's word is followed by (`my son Adderall refill`, `my husband MRI
// results`, `my mom Medicare card`): no name opens with them after a weak cue.
export const CARE_WORDS: ReadonlySet<string> = new Set([
  'adderall', 'ritalin', 'vyvanse', 'concerta', 'lipitor', 'zoloft', 'prozac', 'lexapro', 'xanax', 'tylenol', 'advil', 'motrin', 'ibuprofen', 'insulin',
  'ozempic', 'wegovy', 'metformin', 'eliquis', 'synthroid', 'amoxicillin', 'zyrtec', 'claritin', 'benadryl', 'albuterol', 'epipen', 'suboxone', 'narcan',
  'mri', 'ct', 'ekg', 'ecg', 'eeg', 'x-ray', 'xray', 'ultrasound', 'mammogram', 'colonoscopy', 'biopsy', 'labs', 'lab', 'bloodwork', 'covid', 'flu', 'rsv',
  'tdap', 'mmr', 'hpv', 'vaccine', 'shot', 'shots', 'booster', 'physical', 'checkup', 'ob', 'obgyn', 'gyn', 'adhd', 'asd', 'copd', 'er', 'icu', 'nicu',
  'pt', 'ot', 'medicare', 'medicaid', 'medi-cal', 'medical', 'tricare', 'cobra', 'hmo', 'ppo', 'appointment', 'appt', 'refill', 'rx', 'prescription']);

const MARKS = /\p{M}/gu;
/** `w` lower case without its accents (`Chloé` is the given-names list's `chloe`). */
export const folded = (w: string): string => w.toLowerCase().normalize('NFD').replace(MARKS, '');
