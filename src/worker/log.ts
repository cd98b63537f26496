import pino from 'pino';
import type { Logger } from 'pino';

export type { Logger };
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Structured JSON logs, one object per line on stdout (or the given stream), written synchronously so
 * that nothing is lost when the process is killed. Secrets are never passed to the logger.
 */
export function createLogger(o: { level?: string; worker?: string; stream?: NodeJS.WritableStream } = {}): Logger {
  const destination = o.stream ?? pino.destination({ fd: 1, sync: true });
  return pino(
    {
      level: o.level ?? 'info',
      base: o.worker ? { worker: o.worker } : {},
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination as pino.DestinationStream,
  );
}
