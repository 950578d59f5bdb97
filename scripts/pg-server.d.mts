export interface PgServer {
  /** postgres://phiwall@127.0.0.1:PORT/phiwall */
  url: string;
  port: number;
  /** A fresh, empty database on the same server. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

export function findPgBin(): string | undefined;

/** `durable: false` turns fsync off (tests kill collectors, not Postgres). */
export function startPgServer(opts?: { durable?: boolean; prefix?: string; sharedBuffers?: string; stopMode?: 'immediate' | 'fast' }): Promise<PgServer>;
