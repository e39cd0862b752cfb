import type { MessageCode } from '../shared/messages.ts';

export interface AppErrorOptions {
  status: number;
  /** Bad fields → reason codes, for validation errors. */
  fields?: Record<string, MessageCode>;
  params?: Record<string, string | number>;
  headers?: Record<string, string>;
}

/** The one error type the domain throws; the error middleware renders it in Bahasa Indonesia. */
export class AppError extends Error {
  readonly status: number;
  readonly fields?: Record<string, MessageCode>;
  readonly params: Record<string, string | number>;
  readonly headers: Record<string, string>;

  constructor(readonly code: MessageCode, options: AppErrorOptions) {
    super(code);
    this.status = options.status;
    this.fields = options.fields;
    this.params = options.params ?? {};
    this.headers = options.headers ?? {};
  }
}
