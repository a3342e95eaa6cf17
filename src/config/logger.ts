import pino, { Logger } from 'pino';
import type { Config } from './config';

/**
 * The process logger. Redaction paths cover where secrets and identifiers could appear, so a
 * careless log call cannot leak them.
 */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    base: { app: 'breach-impact' },
    redact: { paths: ['req.headers.authorization', '*.password', '*.nir', 'variables.nir'], censor: '[redacted]' },
  });
}
