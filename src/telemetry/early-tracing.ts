import { readTracingSettings } from '../config/tracing-settings';
import type { Tracing } from './start-tracing';

/**
 * The tracing SDK, started when this module is first imported, or undefined when traces are off
 * (no OTLP endpoint configured) or the configuration is invalid.
 *
 * Why at import: the HTTP and GraphQL instrumentations patch `http` and `graphql` as they are
 * required, so the SDK must be running before the entry point's other imports load Fastify and
 * Apollo. The entry point imports this module first and shuts it down last (which flushes).
 *
 * Nothing here may load `graphql` before the SDK starts (the base's errors/app-error does): the
 * variables of traces are read by config/tracing-settings.ts, which imports only zod, with the
 * same checks as `loadConfig` (invalid ones leave traces off here, and the entry point's own
 * `loadConfig()` refuses the start with its usual message). With traces off nothing of the SDK
 * is even loaded: the db layer's spans are then the no-ops of @opentelemetry/api.
 */
export const earlyTracing: Tracing | undefined = (() => {
  const settings = readTracingSettings();
  if (settings?.tracesUrl === undefined) return undefined;
  // Loaded only when on: the SDK and its exporters cost start-up time and memory otherwise.
  try {
    const { startTracing } = require('./start-tracing') as typeof import('./start-tracing');
    return startTracing({ tracesUrl: settings.tracesUrl, serviceName: settings.serviceName });
  } catch (e) {
    // Traces are for operators, not callers: the API still serves without them, and says so in one line.
    console.error(`breach-impact: traces off, the OpenTelemetry SDK did not start: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
})();
