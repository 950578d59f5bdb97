import { join } from 'node:path';
import { SqliteSpool } from '../../src/spool/sqlite/sqlite-spool.js';
import { RandomVisitorIds } from '../../src/spool/sqlite/visitor-ids.js';
import { tempDir } from '../helpers/collector.js';
import { describeSpoolConformance } from './spool.case.js';

describeSpoolConformance({
  name: 'sqlite',
  oneConsumer: true,
  fresh: async () => {
    const path = join(tempDir(), 'spool.db');
    return (o = {}) => {
      const spool = new SqliteSpool({ path, maxRows: o.maxRows ?? 100_000, maxBytes: 1e9, synchronous: 'normal', groupCommitMs: o.groupCommitMs ?? 2 });
      return { spool, ids: (secret, rotateMs) => new RandomVisitorIds(spool, secret, rotateMs) };
    };
  },
});
