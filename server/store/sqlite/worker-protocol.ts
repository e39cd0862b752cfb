// The messages between the main thread's WorkerStore and the SQLite worker thread
// (./worker-host.ts), and how an error crosses between them. Structured clone carries the
// arguments and results (plain JSON-shaped objects, as the store reads and writes them); an
// error arrives as its message and stack only, so its class and fields travel beside it.
import * as apiKeyPort from '../apikey-port.ts';
import * as channelPort from '../channel-port.ts';
import * as notifyPort from '../notify-port.ts';
import * as port from '../port.ts';
import type { RowPath } from './row-columns.ts';

/** The port's modules: every error class they export crosses as itself (a new port module goes here). */
export const PORT_MODULES: readonly Record<string, unknown>[] = [port, channelPort, apiKeyPort, notifyPort];

/**
 * `path` names a method of the store (`getReport`) or of a sub-port (`channels.addInbound`).
 * `packed`: where lists of like rows in `args` (a commit's counter deltas) travel as columns (./row-columns.ts).
 */
export interface CallRequest { id: number; path: string; args: unknown[]; packed: RowPath[] }

export interface SerializedError { className: string; name: string; message: string; stack: string | undefined; fields: Record<string, string | number | boolean | null> }

export type HostReply =
  /** The store is open (migrations done); the methods it answers: '' for the store's own, else by sub-port (`channels`). */
  | { type: 'ready'; methods: Record<string, string[]> }
  /** Opening failed (a bad migration, a locked or unreadable file). */
  | { type: 'failed'; error: SerializedError }
  /** `packed`: where lists of like rows in `value` (a scan's) travel as columns (./row-columns.ts). */
  | { type: 'result'; id: number; value: unknown; packed: RowPath[] }
  | { type: 'error'; id: number; error: SerializedError }
  /** rebuildReadModel's onProgress, called in the worker. */
  | { type: 'progress'; id: number; reports: number };

/** The data the worker is started with. */
export interface HostData {
  file: string;
  /** Added to the thread's scheduling niceness (Linux): reader threads yield the CPU to the event loop and to commits. */
  nice: number;
  /** SQLite's wal_autocheckpoint for this connection, in pages; absent: SQLite's default (1,000). */
  autocheckpointPages?: number;
}

export function serializeError(err: unknown): SerializedError {
  if (!(err instanceof Error)) return { className: 'Error', name: 'Error', message: String(err), stack: undefined, fields: {} };
  const fields: SerializedError['fields'] = {};
  // Own fields the domain reads (publicId, clientId, key) and SQLite's `code`; only plain values.
  for (const [key, value] of Object.entries(err)) {
    if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') fields[key] = value;
  }
  return { className: err.constructor.name, name: err.name, message: err.message, stack: err.stack, fields };
}

/**
 * Every error class the ports export (VersionConflictError, DuplicateCodeError, …), by name: the
 * domain tells them apart with `instanceof`. Taken from the modules, so a class added to a port
 * needs no entry here.
 */
const PORT_ERRORS = new Map<string, (new (...args: never[]) => Error)>(
  PORT_MODULES.flatMap((module) => Object.entries(module)).flatMap(([name, value]) =>
    isErrorClass(value) ? [[name, value] as const] : []),
);

function isErrorClass(value: unknown): value is new (...args: never[]) => Error {
  return typeof value === 'function' && value.prototype instanceof Error;
}

/** Error classes rebuilt as themselves on the main thread (for the store contract's check). */
export function portErrorNames(): string[] {
  return [...PORT_ERRORS.keys()];
}

/**
 * The error as the domain would have caught it in process: the same class (instanceof holds),
 * message, fields and the worker's stack. The class's constructor is not run (its arguments
 * differ per class); its fields come from `fields`. Any other error is an Error with its name.
 */
export function rebuildError(serialized: SerializedError): Error {
  const errorClass = PORT_ERRORS.get(serialized.className);
  const error: Error = errorClass ? Reflect.construct(Error, [serialized.message], errorClass) : new Error(serialized.message);
  Object.assign(error, serialized.fields);
  if (!errorClass && serialized.name !== 'Error') error.name = serialized.name;
  if (serialized.stack) error.stack = serialized.stack;
  return error;
}
