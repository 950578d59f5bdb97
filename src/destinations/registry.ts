import type { DestinationType } from './types.js';
import { fileDestination } from './file.js';
import { webhookDestination } from './webhook.js';
import { ga4Destination } from './ga4.js';
import { metaDestination } from './meta.js';
import { tiktokDestination } from './tiktok.js';
import { googleAdsDestination } from './google-ads.js';
import { segmentDestination } from './segment.js';
import { mixpanelDestination } from './mixpanel.js';
import { amplitudeDestination } from './amplitude.js';
import { aggregateDestination } from './aggregate.js';

// One line per destination type. Adding a destination = its file + one line here.
export const DESTINATION_TYPES: ReadonlyMap<string, DestinationType<unknown>> = new Map<string, DestinationType<unknown>>(
  [
    fileDestination as DestinationType<unknown>,
    webhookDestination as DestinationType<unknown>,
    ga4Destination as DestinationType<unknown>,
    metaDestination as DestinationType<unknown>,
    tiktokDestination as DestinationType<unknown>,
    googleAdsDestination as DestinationType<unknown>,
    segmentDestination as DestinationType<unknown>,
    mixpanelDestination as DestinationType<unknown>,
    amplitudeDestination as DestinationType<unknown>,
    aggregateDestination as DestinationType<unknown>,
  ].map((d) => [d.type, d]),
);
