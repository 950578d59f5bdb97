import type { LiteralIndex } from './literal-index.js';
import type { DestinationConfig, IdentifierRule, Site } from '../config/schema.js';
import type { Destination } from '../destinations/types.js';
import type { AllowNode } from './allow-tree.js';
import type { FieldMatcher, FieldRule } from './field-matcher.js';
import type { KeyedHasher } from './ops/hash.js';
import type { TextScanner } from './ops/sanitize-url.js';
import type { TermTest } from './term-pattern.js';

// The compiled, immutable rule plan: everything the hot path needs, precomputed.

export interface BlockRule {
  readonly name: string;
  readonly re: RegExp;
}

/** A blocked-host rule for some pages only (`zocdoc.com` + `/booking/**`): a host test, then a canonical-path test. */
export interface HostPathRule extends BlockRule {
  readonly paths: RegExp;
}

export interface PageGroupPlan {
  readonly name: string;
  readonly res: readonly RegExp[];
  readonly sensitive: boolean;
}

export interface SitePlan {
  readonly name: string;
  readonly writeKey: string;
  readonly origins: readonly RegExp[];
  readonly trustedProxies: readonly [import('ipaddr.js').IPv4 | import('ipaddr.js').IPv6, number][];
  readonly hosts: ReadonlySet<string>;
  readonly requireConsent: boolean;
  readonly backend: boolean;
  readonly measurementIds: ReadonlySet<string>;
  readonly config: Site;
}

export interface DestinationPlan {
  readonly name: string;
  readonly type: string;
  /** Whether a BAA was in force when the plan compiled (see baaExpiresAt for the run-time check). */
  readonly baa: boolean;
  /** Epoch ms at which a dated BAA expires: from then on the destination is treated as baa: false. */
  readonly baaExpiresAt?: number;
  readonly allow: AllowNode;
  readonly include?: ReadonlySet<string>;
  readonly exclude: ReadonlySet<string>;
  readonly types?: ReadonlySet<string>;
  readonly eventMap: ReadonlyMap<string, string>;
  readonly actions: ReadonlyMap<string, FieldRule['action']>;
  readonly matchKeys: boolean;
  /** Authorization scope required per event before match keys are sent. */
  readonly matchKeysScope: string;
  readonly purposes: readonly ('analytics' | 'ads')[];
  readonly destination: Destination;
  readonly config: DestinationConfig;
}

export interface Plan {
  /** Content hash of the merged configuration: the policy version. */
  readonly version: string;
  readonly sites: readonly SitePlan[];
  readonly sitesByKey: ReadonlyMap<string, SitePlan>;
  readonly blocked: readonly BlockRule[];
  /** `blocked`'s patterns indexed by the literals they need (literal-index.ts): the same first match, fewer tests. */
  readonly blockedIndex?: LiteralIndex;
  /** Blocked-path rules with `when: sensitive`: read only for a sensitive page (see blockReason). */
  readonly blockedWhenSensitive: readonly BlockRule[];
  readonly blockedHosts: readonly BlockRule[];
  /** Blocked-host rules with `paths`: only those pages of the host are blocked (hostPathBlock). */
  readonly blockedHostPaths: readonly HostPathRule[];
  readonly localePrefixes: ReadonlySet<string>;
  readonly pageGroups: readonly PageGroupPlan[];
  /** Every page-group pattern as one alternation (a cheap first test), when they combine. */
  readonly pageGroupsAny?: RegExp;
  /**
   * When every page-group glob starts with a literal segment: per first segment, the groups (in
   * order) with the patterns that can match a path starting with it. Other paths are in no group.
   */
  readonly pageGroupIndex?: ReadonlyMap<string, readonly { readonly group: PageGroupPlan; readonly res: readonly RegExp[] }[]>;
  /**
   * The `listing_pages` globs as one test of a page's raw path, its language first or not, in any case: a public listing,
   * whose view, tab or section in the query filters what it lists (route-values.ts displayRoute). Undefined when none.
   */
  readonly listingPages?: RegExp;
  /** One alternation of condition/treatment terms, matched against paths, titles, event names. */
  readonly sensitiveTerms: TermTest | undefined;
  readonly sensitiveEventName: string;
  readonly eventMap: ReadonlyMap<string, string>;
  readonly fields: FieldMatcher;
  readonly freeTextFields: ReadonlySet<string>;
  readonly identifiers: readonly IdentifierRule[];
  readonly scanner: TextScanner;
  /** Detector kind -> what to do with a string value in which it fires. */
  readonly detectorTextAction: ReadonlyMap<string, 'redact' | 'drop'>;
  readonly queryAllow: ReadonlySet<string>;
  readonly zip3Restricted: ReadonlySet<string>;
  readonly hasher: KeyedHasher;
  readonly pseudonymousMode: 'random' | 'keyed_hash' | 'off';
  readonly rotateMs: number;
  readonly destinations: readonly DestinationPlan[];
  readonly limits: {
    readonly bodyBytes: number;
    readonly eventBytes: number;
    readonly depth: number;
    readonly keys: number;
  };
}
