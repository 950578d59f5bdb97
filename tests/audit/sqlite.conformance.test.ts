import { sqliteBackends } from '../helpers/governance-backends.js';
import { describeGovernanceStoreConformance } from '../governance/governance-store.case.js';
import { describeAuditChainConformance } from './audit-chain.case.js';
import { describeLedgerConformance } from './ledger.case.js';

const harness = sqliteBackends();
describeGovernanceStoreConformance(harness);
describeAuditChainConformance(harness);
describeLedgerConformance(harness);
