// The SQLite worker thread: owns one SqliteStore (the same class and rules as in process) and
// answers the main thread's WorkerStore (./worker-store.ts). better-sqlite3 is synchronous, so
// here a slow scan or a commit's fsync blocks this thread, not the event loop that serves HTTP
// and sockets. Started through ./worker-boot.cjs (which loads TypeScript).
import Database from 'better-sqlite3';
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { countersOfReport } from '../../readmodel/counters.ts';
import { packRows, unpackRows } from './row-columns.ts';
import { SqliteStore } from './sqlite-store.ts';
import { serializeError, type CallRequest, type HostData, type HostReply } from './worker-protocol.ts';

function isHostData(value: unknown): value is HostData {
  return typeof value === 'object' && value !== null && 'file' in value && typeof value.file === 'string'
    && 'nice' in value && typeof value.nice === 'number'
    && (!('autocheckpointPages' in value) || value.autocheckpointPages === undefined || typeof value.autocheckpointPages === 'number');
}

/**
 * Lowers this thread's priority by `nice` (Linux schedules threads, and setpriority takes a
 * thread id). On a busy machine a reader's long scan then waits for the CPU behind the event
 * loop and the writer's commits, not the other way round. Elsewhere, or when refused, the
 * thread keeps its priority.
 */
function lowerPriority(nice: number): void {
  if (nice === 0) return;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid)) setPriority(tid, Math.min(19, getPriority(tid) + nice));
  } catch {
    // not Linux, or not allowed: same priority as the rest of the process
  }
}

function isCallRequest(value: unknown): value is CallRequest {
  return typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'number'
    && 'path' in value && typeof value.path === 'string' && 'args' in value && Array.isArray(value.args)
    && 'packed' in value && Array.isArray(value.packed);
}

/** The methods an object answers: its prototype chain's functions (a class's methods). */
function methodsOf(target: object): string[] {
  const names = new Set<string>();
  for (let proto: object | null = Object.getPrototypeOf(target); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name !== 'constructor' && typeof Object.getOwnPropertyDescriptor(proto, name)?.value === 'function') names.add(name);
    }
  }
  return [...names];
}

/**
 * The store's sub-ports (`channels`, `apiKeys`, `notify` …) and their methods: its fields that
 * are objects of a class with methods. Found, not listed, so a sub-port added to the port needs
 * nothing here; a private field caught too (the connection, a cache) is harmless, as the port's
 * types never reach it. The store contract run on this host exercises every real sub-port.
 */
function subPortsOf(store: SqliteStore): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(store)) {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Map || value instanceof Set || value instanceof Database) continue;
    const methods = methodsOf(value);
    if (methods.length > 0) found[name] = methods;
  }
  return found;
}

/** Calls `path` (`getReport`, `channels.addInbound`) on the store with these arguments. */
function invoke(store: SqliteStore, request: CallRequest, post: (reply: HostReply) => void): unknown {
  // The counting rule is a function, which cannot cross threads: the worker has the one rule
  // (the proxy refuses any other), and progress travels back as messages.
  if (request.path === 'rebuildReadModel') {
    const options: unknown = request.args[1];
    const onlyIfFlagged = typeof options === 'object' && options !== null && 'onlyIfFlagged' in options && options.onlyIfFlagged === true;
    return store.rebuildReadModel(countersOfReport, { onlyIfFlagged, onProgress: (reports) => post({ type: 'progress', id: request.id, reports }) });
  }
  const parts = request.path.split('.');
  const name = parts.pop() ?? '';
  let owner: unknown = store;
  for (const part of parts) owner = typeof owner === 'object' && owner !== null ? Reflect.get(owner, part) : undefined;
  const method: unknown = typeof owner === 'object' && owner !== null ? Reflect.get(owner, name) : undefined;
  if (typeof method !== 'function') throw new Error(`the SQLite store has no method ${request.path}`);
  return method.apply(owner, request.args);
}

function main(): void {
  const channel = parentPort;
  if (!channel || !isHostData(workerData)) throw new Error('worker-host runs as a worker thread started by WorkerStore');
  const post = (reply: HostReply) => channel.postMessage(reply);
  lowerPriority(workerData.nice);
  let store: SqliteStore;
  try {
    store = new SqliteStore(workerData.file, { autocheckpointPages: workerData.autocheckpointPages });
  } catch (error) {
    post({ type: 'failed', error: serializeError(error) });
    return;
  }
  const methods: Record<string, string[]> = { ...subPortsOf(store), '': methodsOf(store) };
  channel.on('message', (request: unknown) => {
    if (!isCallRequest(request)) return;
    // Called at once, in arrival order: the store's group commit batches what arrives together.
    let outcome: Promise<unknown>;
    try {
      const args = unpackRows(request.args, request.packed);
      if (!Array.isArray(args)) throw new Error('the call\'s arguments arrived in another form');
      outcome = Promise.resolve(invoke(store, { ...request, args }, post));
    } catch (error) {
      outcome = Promise.reject(error);
    }
    outcome.then(
      (value) => {
        try {
          post({ type: 'result', id: request.id, ...packRows(value) });
        } catch (error) {
          post({ type: 'error', id: request.id, error: serializeError(error) });
        }
      },
      (error: unknown) => post({ type: 'error', id: request.id, error: serializeError(error) }),
    );
  });
  post({ type: 'ready', methods });
}

main();
