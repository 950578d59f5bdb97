import { Counter, Gauge, type Registry } from 'prom-client';

// Governance and audit signals, registered on the runtime's registry. Labels: names and codes only.
export class GovernanceMetrics {
  readonly baaExpired: Gauge<'destination'>;
  readonly suppressed: Counter<'destination' | 'stage'>;
  readonly matchKeysWithheld: Counter<'destination'>;
  readonly authorizations: Counter<'action'>;
  readonly newField: Counter<'destination'>;
  readonly adminRequests: Counter<'role' | 'status'>;
  readonly auditRecords: Counter<'action'>;
  readonly ledgerErrors: Counter;
  readonly auditErrors: Counter<'result'>;
  readonly auditQueued: Gauge;
  readonly ledgerOwed: Gauge;
  private owedOf: (() => number) | undefined;
  private queuedOf: (() => number) | undefined;

  constructor(registry: Registry) {
    const registers = [registry];
    this.baaExpired = new Gauge({ name: 'phiwall_baa_expired', help: 'A destination whose BAA expired: treated as baa false (alert)', labelNames: ['destination'], registers });
    this.suppressed = new Counter({ name: 'phiwall_suppressed_total', help: 'Events of opted-out subjects not forwarded', labelNames: ['destination', 'stage'], registers });
    this.matchKeysWithheld = new Counter({ name: 'phiwall_match_keys_withheld_total', help: 'Events sent without match keys (no valid authorization)', labelNames: ['destination'], registers });
    this.authorizations = new Counter({ name: 'phiwall_authorizations_total', help: 'Authorization records written', labelNames: ['action'], registers });
    this.newField = new Counter({ name: 'phiwall_disclosure_new_field_total', help: 'A field name reached a destination for the first time (alert)', labelNames: ['destination'], registers });
    this.adminRequests = new Counter({ name: 'phiwall_admin_requests_total', help: 'Admin API calls', labelNames: ['role', 'status'], registers });
    this.auditRecords = new Counter({ name: 'phiwall_audit_records_total', help: 'Audit log records appended', labelNames: ['action'], registers });
    this.ledgerErrors = new Counter({ name: 'phiwall_ledger_errors_total', help: 'Disclosure ledger writes that failed', registers });
    this.auditErrors = new Counter({ name: 'phiwall_audit_errors_total', help: 'Shared audit chain: failed write attempts (result=retried, records stay queued), records not journaled in the data directory (result=unjournaled: written all the same, lost if the process is killed first), records not written (result=dropped: a system record at the queue bound, or left at shutdown and not kept; result=kept: left at shutdown, kept in the data directory for the next start; alert on both)', labelNames: ['result'], registers });
    this.ledgerOwed = new Gauge({ name: 'phiwall_ledger_owed_events', help: 'Events sent but not yet recorded in the disclosure ledger (its writes fail): deliveries are paused until they are (alert)', registers, collect: () => { this.ledgerOwed.set(this.owedOf?.() ?? 0); } });
    this.auditQueued = new Gauge({ name: 'phiwall_audit_queued', help: 'Audit records waiting to be written to the shared chain (admin actions are refused while writes fail)', registers, collect: () => { this.auditQueued.set(this.queuedOf?.() ?? 0); } });
  }

  /** Where the owed-disclosures gauge reads from (governance.ts). */
  observeLedgerOwed(owed: () => number): void {
    this.owedOf = owed;
  }

  /** Where the audit queue gauge reads from (the chain is made after the metrics). */
  observeAuditQueue(chain: () => { readonly queued: number }): void {
    this.queuedOf = () => chain().queued;
  }
}
