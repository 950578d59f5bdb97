import cluster from 'node:cluster';

// Cluster-wide questions over the cluster IPC channel ("what are your metrics / spool stats").
// A worker sends a `call` to the primary; the primary asks every listening worker (the caller
// too), waits at most ASK_TIMEOUT_MS for each, and sends the answers it got back as a `result`.
// The primary only relays JSON: it loads none of the collector (src/cli/primary.ts).

/** How long the primary waits for a worker's answer before replying without it. */
export const ASK_TIMEOUT_MS = 1000;
/** The caller's own limit (the primary may be gone): a little above the primary's. */
const CALL_TIMEOUT_MS = ASK_TIMEOUT_MS + 1000;

export interface CallMsg { pw: 'call'; id: number; op: string; arg?: unknown }
export interface AskMsg { pw: 'ask'; id: number; op: string; arg?: unknown }
export interface AnswerMsg { pw: 'answer'; id: number; ok: boolean; result?: unknown }
export interface ResultMsg { pw: 'result'; id: number; results: unknown[]; workers: number }

/** What a cluster call returns: one answer per worker that answered in time, and the configured worker count. */
export interface ClusterReply { results: unknown[]; workers: number }

const isObject = (m: unknown): m is Record<string, unknown> => typeof m === 'object' && m !== null;
export function isMsg<K extends 'call' | 'ask' | 'answer' | 'result'>(m: unknown, kind: K): m is Extract<CallMsg | AskMsg | AnswerMsg | ResultMsg, { pw: K }> {
  return isObject(m) && m.pw === kind && typeof m.id === 'number'
    && (kind === 'result' ? Array.isArray(m.results) && typeof m.workers === 'number' : kind === 'answer' ? typeof m.ok === 'boolean' : typeof m.op === 'string');
}

type Handler = (arg: unknown) => unknown;
const handlers = new Map<string, Handler>();
const calls = new Map<number, { resolve: (r: ClusterReply) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
let nextId = 0;
let listening = false;

/** True in a worker forked by the phiwall cluster primary whose IPC channel is up. */
export function inCluster(): boolean {
  return cluster.isWorker && typeof process.send === 'function' && process.connected;
}

function send(msg: CallMsg | AnswerMsg): void {
  if (inCluster()) process.send!(msg);
}

async function answer(msg: AskMsg): Promise<void> {
  const handler = handlers.get(msg.op);
  try {
    if (!handler) throw new Error('no handler');
    send({ pw: 'answer', id: msg.id, ok: true, result: await handler(msg.arg) });
  } catch {
    // The primary counts this worker as not reporting; the error itself stays local.
    send({ pw: 'answer', id: msg.id, ok: false });
  }
}

function listen(): void {
  if (listening) return;
  listening = true;
  process.on('message', (msg: unknown) => {
    if (isMsg(msg, 'ask')) void answer(msg);
    else if (isMsg(msg, 'result')) {
      const call = calls.get(msg.id);
      if (!call) return;
      calls.delete(msg.id);
      clearTimeout(call.timer);
      call.resolve({ results: msg.results, workers: msg.workers });
    }
  });
}

/** Answers `op` when another worker (or this one) asks the cluster. */
export function answerClusterCalls(op: string, handler: Handler): void {
  handlers.set(op, handler);
  listen();
}

/** Asks every worker `op`; rejects when the primary does not reply in time (it may be gone). */
export function clusterCall(op: string, arg?: unknown): Promise<ClusterReply> {
  if (!inCluster()) return Promise.reject(new Error('not a cluster worker'));
  listen();
  return new Promise((resolve, reject) => {
    const id = nextId++;
    const timer = setTimeout(() => { calls.delete(id); reject(new Error('cluster call timed out')); }, CALL_TIMEOUT_MS);
    calls.set(id, { resolve, reject, timer });
    try {
      send({ pw: 'call', id, op, arg });
    } catch (err) {
      calls.delete(id);
      clearTimeout(timer);
      reject(err instanceof Error ? err : new Error('ipc send failed'));
    }
  });
}
