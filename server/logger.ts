import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  // Contact data never reaches the logs: these paths are censored wherever they appear.
  return pino({ level, redact: ['req.headers.cookie', 'phone', '*.phone', 'reporterPhone', '*.reporterPhone', 'password', '*.password'] });
}
