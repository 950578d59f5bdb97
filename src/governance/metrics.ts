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
    this.auditErrors = new Counter({ name: 'phiwall_audit_errors_total', help: 'Audit chain writes that failed (shared store): retried, or dropped after retries (alert)', labelNames: ['result'], registers });
  }
}
