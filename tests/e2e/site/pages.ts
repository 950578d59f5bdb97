// The demo clinic site: a handful of pages that exercise what phiwall must handle. Each library's
// loader is injected into <head> by the test (see libs.ts).

export interface DemoPage { title: string; body: string }

const NAV = `<nav><a id="nav-services" href="/services">Services</a> <a id="nav-depression" href="/conditions/depression">Depression</a>
<a id="nav-contact" href="/contact">Contact</a> <a id="nav-portal" href="/patient-portal/messages">Portal</a> <a id="nav-app" href="/app">App</a></nav>`;

// The form hands its fields to window.demoTrack, which each library's head script defines.
const CONTACT_FORM = `<form id="contact-form">
<input id="name" name="name" value="Jane Q. Patient"><input id="email" name="email" value="jane.patient@example.com">
<input id="phone" name="phone" value="(415) 555-0134"><textarea id="message" name="message">Please call me about my depression treatment</textarea>
<button id="submit" type="submit">Send</button></form>
<script>document.getElementById('contact-form').addEventListener('submit', function (e) {
  e.preventDefault();
  var f = e.target;
  window.demoTrack('Contact Form Submitted', { form_id: 'contact', name: f.name.value, email: f.email.value, phone: f.phone.value, message: f.message.value });
  document.body.setAttribute('data-submitted', '1');
});</script>`;

// A single-page app: buttons change the route with history.pushState (no page load).
const SPA = `<div id="view">Find care</div><button id="go-depression">Depression</button><button id="go-portal">Portal</button>
<script>function go(path, title) { history.pushState({}, '', path); document.title = title; document.getElementById('view').textContent = title; }
document.getElementById('go-depression').onclick = function () { go('/conditions/depression', 'Depression care'); };
document.getElementById('go-portal').onclick = function () { go('/patient-portal/messages', 'Your messages'); };</script>`;

export const PAGES: Record<string, DemoPage> = {
  '/services': { title: 'Our services', body: '<h1>Our services</h1><p>Primary care, behavioral health, cardiology.</p>' },
  '/conditions/depression': { title: 'Depression treatment', body: '<h1>Depression</h1><p>Symptoms and treatment options.</p>' },
  '/contact': { title: 'Contact us', body: `<h1>Contact us</h1>${CONTACT_FORM}` },
  '/patient-portal/messages': { title: 'Your messages', body: '<h1>Messages for Jane Q. Patient</h1><p>MRN 00123456: your lab results are ready.</p>' },
  '/app': { title: 'Find care', body: `<h1>Find care</h1>${SPA}` },
};

export function renderPage(path: string, head: string): string | undefined {
  const page = PAGES[path];
  if (!page) return undefined;
  return `<!doctype html><html><head><meta charset="utf-8"><title>${page.title}</title>${head}</head>
<body>${NAV}${page.body}</body></html>`;
}
