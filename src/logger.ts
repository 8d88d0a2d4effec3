// Structured JSON logs (pino); request logs carry method, path, status and duration, never secrets or bodies.
import { pino, type Logger } from 'pino';
import type { Config } from './config.js';

export type { Logger };

export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    base: { app: 'folio' },
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', '*.email', '*.phone', 'csrfSecret'],
      censor: '[redacted]',
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
