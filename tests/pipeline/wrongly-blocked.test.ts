import { describe, expect, it } from 'vitest';
import { OPEN_SITE, openPlanProbe, pageOn } from '../helpers/open-plan.js';

// Pages that were blocked as a patient's bill or portal and are neither (H63): a gift shop's or a
// donation's checkout is retail, not payment for care; a portal for developers, vendors,
// partners, job seekers or the press is not the patient portal. The patient's pages around them
// still block, and so does any checkout or portal that says nothing about whose it is.
const { rows, blocked } = openPlanProbe('wb');
const titled = (title: string, path = '/welcome') => ({ context: { page: { path, url: `${OPEN_SITE}${path}`, title } } });
const reason = (event: Record<string, unknown>) => rows(event).find((r) => r.blocked !== undefined)?.blocked;

describe('checkouts that are not a patient’s bill', () => {
  it.each(['/gift-shop/checkout', '/giftshop/checkout', '/gift-shop/cart/checkout', '/flowers/checkout', '/cafeteria/checkout', '/foundation/donate/checkout', '/giving/checkout'])('sends %s', (path) => {
    expect(blocked(pageOn(path))).toBe(false);
  });

  it('sends a gift shop checkout named by its title', () => {
    expect(blocked(titled('Checkout | Gift Shop'))).toBe(false);
    expect(blocked(titled('Gift Shop Checkout'))).toBe(false);
  });

  it.each(['/checkout', '/billing/checkout', '/pay-my-bill', '/shop/checkout', '/store/checkout', '/gift-shop/pay-my-bill', '/gift-shop-bill/checkout', '/patient-gift-shop/checkout', '/donate/statement/checkout', '/pharmacy/checkout'])('still blocks %s', (path) => {
    expect(blocked(pageOn(path))).toBe(true);
  });

  it('still blocks a checkout titled for a bill or saying nothing else', () => {
    expect(reason(titled('Checkout'))).toBe('billing_payment');
    expect(reason(titled('Checkout | Pay Your Bill'))).toBe('billing_payment');
  });
});

describe('portals that are not the patient portal', () => {
  it.each(['Developer Portal', 'Vendor Portal', 'Careers portal', 'Media portal', 'Partner Portal', 'Developer Portal | Example Health', 'Example Health Broker Portal', 'Developer portal login'])('sends a page titled %s', (title) => {
    expect(blocked(titled(title))).toBe(false);
  });

  it.each(['/developer-portal', '/partners-portal/docs', '/example-health-vendor-portal', '/students-portal', '/employee-portal/benefits'])('sends %s', (path) => {
    expect(blocked(pageOn(path))).toBe(false);
  });

  it.each(['/patient-portal', '/mychart', '/portal', '/portal/login', '/payment-portal', '/nextgen-portal', '/northbay-payment-portal', '/student-health-portal', '/employee-health-portal', '/staff-wellness-portal'])('still blocks %s', (path) => {
    expect(reason(pageOn(path))).toMatch(/patient_portal|billing_payment/);
  });

  it.each(['Patient Portal', 'Portal', 'MyChart', 'Patient Portal | Example Health', 'Portal Login', 'Member Portal', 'Vendor Patient Portal Login'])('still blocks a page titled %s', (title) => {
    expect(reason(titled(title))).toBe('patient_portal');
  });
});
