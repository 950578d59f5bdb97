import type { Plan } from './plan.js';

// A booking event naming the service booked (`HIV Test Appointment Booked`, `STD Testing Scheduled`,
// `PrEP Consultation Requested`) is the same conversion as `Appointment Booked` with a `service`
// property naming it: that one goes to a destination without a BAA with the service withheld and the
// event's name kept, and attribution counts it. So this one goes as the booking alone, its done word
// kept (`Appointment Booked`, `Appointment Scheduled`), never naming the service, rather than as the
// pack's `sensitive_event_name`, which no conversion is named. A booking on a condition's page is still
// blocked as before (the page's rule, not the name's). Names without a term are not renamed
// (`Flu Shot Booked`, `Vaccine Appointment Scheduled` flow as they are).

// A done word only a booking says, last in the name.
const BOOKED = /(?:^|[\s_-])(booked|scheduled|reserved)$/i;
// A done word a booking says after naming itself (`Consultation Requested`; `Test Kit Requested` is an order).
const BOOKING_DONE = /(?:^|[\s_-])(?:appointments?|appts?|consult(?:ation)?s?|visits?|bookings?)[\s_-]+(requested|confirmed)$/i;

/** The name a destination without a BAA gets for an event whose name names a sensitive term. */
export function withheldEventName(name: string, plan: Plan): string {
  const done = BOOKED.exec(name.trim())?.[1] ?? BOOKING_DONE.exec(name.trim())?.[1];
  return done === undefined ? plan.sensitiveEventName : `Appointment ${done.charAt(0).toUpperCase()}${done.slice(1).toLowerCase()}`;
}
