import { mkdir, open } from 'node:fs/promises';
import { errorCode } from '../errors.js';
import { join } from 'node:path';
import { z } from 'zod';
import type { CleanEvent, DeliveryResult, Destination, DestinationDeps, DestinationType, OutboundItem } from './types.js';
import { toWarehouseRow } from './warehouse-row.js';
import { payloadJson } from './payload-json.js';

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
      await this.append(batch.map(payloadJson).join('\n') + '\n');
      return { kind: 'ok' };
    } catch (err) {
      return { kind: 'retry', reason: `file write failed (${errorCode(err)})` };
    }
  }

  /**
   * A full disk can take part of a batch: that part is cut off again, so the file holds whole
   * lines only and the retry writes each line once (a cut line would fuse with the next one).
   * It is cut only while the file ends with it: another process appending to the same file (the
   * cluster's workers) since then leaves it in place rather than lose that process's lines.
   */
  private async append(text: string): Promise<void> {
    const data = Buffer.from(text);
    const file = await open(this.path, 'a');
    const start = (await file.stat()).size;
    let written = 0;
    try {
      while (written < data.length) written += (await file.write(data, written)).bytesWritten;
    } catch (err) {
      if (written > 0 && (await file.stat()).size === start + written) await file.truncate(start);
      throw err;
    } finally {
      await file.close();
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
