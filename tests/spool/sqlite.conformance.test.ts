import { join } from 'node:path';
import { SqliteSpool } from '../../src/spool/sqlite/sqlite-spool.js';
import { RandomVisitorIds } from '../../src/spool/sqlite/visitor-ids.js';
import { tempDir } from '../helpers/collector.js';
import { describeSpoolConformance } from './spool.case.js';
import { describeReplayAndRetention } from './replay-retention.case.js';

const harness: Parameters<typeof describeSpoolConformance>[0] = {
  name: 'sqlite',
  oneConsumer: true,
  fresh: async () => {
    const path = join(tempDir(), 'spool.db');
    return (o = {}) => {
      const spool = new SqliteSpool({ path, maxRows: o.maxRows ?? 100_000, maxBytes: 1e9, synchronous: 'normal', groupCommitMs: o.groupCommitMs ?? 2 });
      return { spool, ids: (secret, rotateMs) => new RandomVisitorIds(spool, secret, rotateMs) };
    };
  },
};
describeSpoolConformance(harness);
describeReplayAndRetention(harness);
