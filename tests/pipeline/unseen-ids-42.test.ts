import { describe, expect, it } from 'vitest';
import { allowAllProbe } from '../helpers/open-plan.js';
import { expectPrefilterSound } from '../helpers/prefilter-soundness.js';

// Pass 42 (.tmp/h186): devices, computers, networks and files named after their owners, and device serials under labels
// not read before. Every event goes to an open destination (no BAA, every field allowed) under keys no free-text rule
// drops; what is no one's name stays whole.
const { props } = allowAllProbe('s42');
const kept = (values: string[]): void => {
  const out = props(Object.fromEntries(values.map((v, i) => [`v${i}`, v])));
  for (const v of values) expect(out).toContain(JSON.stringify(v).slice(1, -1));
};

describe('a device named after its owner', () => {
  it.each([
    ["can't sign in from Ottilie's iPhone, the code never comes", 'Ottilie'],
    ['Bluetooth: Lysander\u2019s AirPods Pro', 'Lysander'],
    ["synced with Wilhelmina's Apple Watch", 'Wilhelmina'],
    ["paired to Dashiell's MacBook Air", 'Dashiell'],
    ["i'm on anouk's ipad right now", 'anouk'],
    ['Galaxy S24 de Ximena', 'Ximena'],
    ['conectado al iPad de Evaristo', 'Evaristo'],
    ['Synchronisiert mit iPhone von Sieglinde', 'Sieglinde'],
    ['Thanks for the reminder.\nSent from my iPhone - Cornelius', 'Cornelius'],
    ['network: Abernathy Family 5G', 'Abernathy'],
    ['last joined Thornbury_Home_2.4G', 'Thornbury'],
    ['hostname: KPRZYBYL-LAPTOP', 'KPRZYBYL'],
    ['computer: rvashti-pc', 'rvashti'],
    ['mdns responder Leopold-MacBook-Pro.local', 'Leopold'],
  ])('drops the owner from %j', (text, name) => {
    expect(props({ shown: text })).not.toContain(name);
  });

  it('keeps devices named by model, role, brand or place, and words that only look like it', () => {
    kept(['can I use my iPhone to check in?', 'Now supports iPhone 15 Pro and Apple Watch', "Bring the patient's MacBook to class",
      "Apple's iPhone 16 works with our app", "The doctor's iPad shows your results", "my son's iPad won't charge", 'wifi: Northbay Guest WiFi',
      'Galaxy S23 de 256 GB', 'compré un iPad de segunda mano', 'Comprar un iPhone de Apple', 'Sent from my iPhone', 'hostname: web-prod-03',
      'OFFICE-PC is down', 'shop the refurbished-laptop sale', 'Razer-Laptop and Surface-Laptop-5 in stock', "Mother's Day gift guide: AirPods", 'Family Medicine Home Visits',
      "Call St. Luke's phone line for directions", "Northbay's iPhone app is live", "St. Joseph's iPad loaner program"]);
  });

  it('runs wherever an owner and a device meet (the prefilter keeps what every detector finds)', () => {
    const parts = ["Jane's ", 'Zo\u00eb\u2019s ', 'iPhone', 'MacBook', ' de ', ' von ', ' do ', 'Lucía', 'Galaxy S23', '-LAPTOP', 'DPATEL', '-pc',
      ' Family ', '_Home_', '5G', 'WiFi', 'sent from my ', ' - ', ', ', 'Ann', ' ', '\n', 'the '];
    expectPrefilterSound(parts, { maxLength: 7, numRuns: 2500, examples: [["Jane's iPhone"], ['Zo\u00eb\u2019s MacBook'], ['iPhone de Lucía'],
      ['DPATEL-LAPTOP'], ['Ann Family 5G'], ['Ann_Home_WiFi'], ['sent from my iPhone - Ann'], ['Galaxy S23 von Ann']] });
  });
});

describe("a user's home folder in a file path", () => {
  it.each([
    ['C:\\Users\\qmarchetti\\Documents\\lab results.pdf', 'qmarchetti'],
    ['opened C:/Users/hbergstrom/Downloads/eob.pdf', 'hbergstrom'],
    ['file:///home/nkechi/Downloads/scan.png', 'nkechi'],
    ['at load (/Users/ravindra/Library/Application Support/App/main.js:4:2)', 'ravindra'],
    ['ENOENT: open /home/ostrander/.config/app/settings.json', 'ostrander'],
    ['C:\\Documents and Settings\\fvolkov\\My Documents\\bill.doc', 'fvolkov'],
    ['saved under /mnt/c/Users/ckaminski/Desktop', 'ckaminski'],
  ])('drops the account from %j', (text, account) => {
    expect(props({ opened: text })).not.toContain(account);
  });

  it("keeps system folders, a web app's /home pages and the browser's fakepath", () => {
    kept(['C:\\Program Files\\Northbay\\portal.exe', 'C:\\Users\\Public\\Documents\\form.pdf', '/Users/Shared/Northbay/forms',
      'GET /home/index.html 404', '/home/services/cardiology', 'C:\\fakepath\\referral.pdf', 'at render (/app/src/home/index.js:4:2)',
      '/home/runner/work/app/src/main.ts']);
  });

  it('runs wherever a home path is written (the prefilter keeps what every detector finds)', () => {
    const parts = ['C:', '\\', '/', 'Users', 'home', 'Documents and Settings', 'file://', '/mnt/c', 'jsmith', 'Documents', '.config', 'x.pdf', ' ', '('];
    expectPrefilterSound(parts, { maxLength: 9, numRuns: 2500, examples: [['C:\\Users\\jsmith\\x.pdf'], ['file:///home/jsmith/x.pdf'],
      ['(/home/jsmith/.config'], ['/mnt/c/Users/jsmith/Documents']] });
  });
});

describe("a name in an attachment's or a file's name", () => {
  it.each([
    ['attachment: Rosalind Achterberg - referral.docx', 'Achterberg'],
    ['file: tkowalski-labresults-2025-02-11.pdf', 'tkowalski'],
    ['consent-form-signed-mbrennan.pdf', 'mbrennan'],
    ['statements_for_Oyelowo_Adaeze.zip', 'Oyelowo'],
    ['Letter to Dr Singh re Philippa Drummond.docx', 'Drummond'],
    ['ignatius.okafor.bloodwork.xlsx', 'okafor'],
    ['uploaded: knee brace order (Harold Fenwick).pdf', 'Fenwick'],
  ])('drops the name from %j', (text, name) => {
    expect(props({ upload_name: text })).not.toContain(name);
  });

  it("keeps a site's own documents", () => {
    kept(['annual-report-2024.pdf', 'Patient-Rights.pdf', 'Visitor-Guide-2025.pdf', 'thyroid-results-2024.pdf', 'cbc-results.pdf',
      'Forms for New Patients.pdf', 'Report of the Board 2024.pdf', 'Statement of Charges for Services.pdf', 'file: Heart Health Guide.pdf',
      'Visitor Guide (Large Print).pdf', 'rhinoplasty-before-after.jpg']);
  });
});

describe('a device serial under a label not read before', () => {
  it.each([
    ['Seriennummer des Blutzuckermessgeräts: HK47L29', 'HK47L29'],
    ['número de serie de mi monitor: QT-55821-C', 'QT-55821-C'],
    ['numéro de série du lecteur : ZP-30471', 'ZP-30471'],
    ['cgm transmitter 7R2K9D keeps dropping', '7R2K9D'],
    ['tablet serial: KQ3XN8PLDM', 'KQ3XN8PLDM'],
  ])('drops the serial from %j', (text, serial) => {
    expect(props({ shown: text })).not.toContain(serial);
  });

  it('keeps a serial that is a word, a port, a battery and a model', () => {
    kept(['serial killer documentary', 'Serial ATA cable', 'serial port COM3', 'the transmitter battery died after 90 days', 'transmitter G7',
      'Pump model MMT-1880 is supported']);
  });

  it('runs wherever a serial label and a code meet (the prefilter keeps what every detector finds)', () => {
    const parts = ['Seriennummer', 'número de serie', ' del ', ' monitor', ': ', 'transmitter', 'serial', ' ', 'HK47L29', '7R2K9D', 'LL/A', 'AB', '12'];
    expectPrefilterSound(parts, { maxLength: 7, numRuns: 2000, examples: [['Seriennummer des monitor: HK47L29'], ['transmitter 7R2K9D'], ['serial AB12LL/A']] });
  });
});
