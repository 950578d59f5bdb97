import { join } from 'node:path';
import { SqliteAggregateStore } from '../../src/aggregates/sqlite-store.js';
import { tempDir } from '../helpers/collector.js';
import { describeAggregateStoreConformance } from './store.case.js';

// Two instances on one file: cluster workers sharing <data>/aggregates.db.
describeAggregateStoreConformance({
  name: 'sqlite',
  fresh: async () => {
    const path = join(tempDir('phiwall-agg-'), 'aggregates.db');
    return () => new SqliteAggregateStore(path);
  },
});
