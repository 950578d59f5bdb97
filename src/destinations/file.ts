import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { CleanEvent, DeliveryResult, Destination, DestinationDeps, DestinationType, OutboundItem } from './types.js';
import { toWarehouseRow } from './warehouse-row.js';

export const FileConfig = z.strictObject({
  /** Output file; default <data>/out/<destination>.jsonl */
  path: z.string().optional(),
});
export type FileConfig = z.infer<typeof FileConfig>;

/** Writes exactly what would be sent, one JSON line per event: the quickstart's window on the output. */
class FileDestination implements Destination {
  readonly type = 'file';
  readonly maxBatch = 500;
  private readonly path: string;
  private ready: Promise<unknown> | undefined;

  constructor(readonly name: string, config: FileConfig, deps: DestinationDeps) {
    this.path = config.path ?? join(deps.dataDir, 'out', `${name}.jsonl`);
  }

  map(event: CleanEvent) {
    return toWarehouseRow(event);
  }

  async send(batch: readonly OutboundItem[]): Promise<DeliveryResult> {
    this.ready ??= mkdir(join(this.path, '..'), { recursive: true });
    try {
      await this.ready;
      await appendFile(this.path, batch.map((item) => JSON.stringify(item.payload)).join('\n') + '\n');
      return { kind: 'ok' };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
      return { kind: 'retry', reason: `file write failed (${code})` };
    }
  }

  async close(): Promise<void> {}
}

export const fileDestination: DestinationType<FileConfig> = {
  type: 'file',
  configSchema: FileConfig,
  describe: 'JSON lines of the exact payloads, one per event',
  create: (config, deps) => new FileDestination(deps.name, config, deps),
};
