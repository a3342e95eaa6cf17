import type { IncomingMessage } from 'node:http';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { PrivacyExporter } from './privacy-exporter';

/** The running OpenTelemetry SDK, as the entry point holds it. */
export interface Tracing {
  /** Where spans go (the OTLP/HTTP traces URL), without any user, password or query string: safe to log. */
  readonly url: string;
  /** Exports the spans still buffered, then stops the SDK; resolves even if the collector is gone (it waits at most `boundMs`). */
  shutdown(boundMs?: number): Promise<void>;
}

/**
 * Query-string keys of GraphQL over HTTP GET whose values are the client's text (the document,
 * its variables, persisted-query extensions): `url.query` shows them as REDACTED.
 */
const REDACTED_QUERY_KEYS = ['query', 'variables', 'extensions', 'operationName'];

/** Probes: scraped every few seconds, they would bury the requests worth a trace. */
const PROBE = /^\/(health(\/|$|\?)|metrics($|\?))/;

/**
 * Starts the OpenTelemetry Node SDK: spans of incoming HTTP requests, of GraphQL parse, validate,
 * execute and (non-trivial) resolvers, and of each named Cypher statement (the db executor's
 * spans, through @opentelemetry/api), batched and sent over OTLP/HTTP JSON to `tracesUrl`.
 *
 * Must run before `http`, Fastify and `graphql` are loaded: the instrumentations patch modules
 * as they are required (see early-tracing.ts, which the entry point imports first).
 *
 * Privacy: GraphQL variable values and literal arguments are never recorded (`allowValues`
 * false), no header is recorded (so never `Authorization`), GET query strings are redacted, and every
 * span passes through {@link PrivacyExporter} on its way out. Only traces: metrics stay on
 * `/metrics` and logs in pino, so the SDK's OTLP metric and log exporters are not started.
 */
export function startTracing(settings: { tracesUrl: string; serviceName: string }): Tracing {
  const sdk = new NodeSDK({
    serviceName: settings.serviceName,
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: settings.serviceName }),
    spanProcessors: [new BatchSpanProcessor(new PrivacyExporter(new OTLPTraceExporter({ url: settings.tracesUrl })))],
    // Empty, not unset: unset, the SDK would start OTLP metric and log exporters from defaults.
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request: IncomingMessage) => PROBE.test(request.url ?? ''),
        redactedQueryParamsServer: REDACTED_QUERY_KEYS,
        // No header at all: Authorization carries the bearer token, cookies and the rest are the client's.
        headersToSpanAttributes: { server: { requestHeaders: [], responseHeaders: [] }, client: { requestHeaders: [], responseHeaders: [] } },
      }),
      new GraphQLInstrumentation({
        allowValues: false,
        mergeItems: true,
        ignoreTrivialResolveSpans: true,
      }),
    ],
  });
  sdk.start();
  const shown = new URL(settings.tracesUrl);
  shown.username = '';
  shown.password = '';
  shown.search = '';
  return {
    url: shown.toString(),
    async shutdown(boundMs = 10_000) {
      let timer: NodeJS.Timeout | undefined;
      const bound = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, boundMs);
        timer.unref();
      });
      await Promise.race([sdk.shutdown().catch(() => undefined), bound]);
      clearTimeout(timer);
    },
  };
}
