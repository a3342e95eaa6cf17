import type { Attributes } from '@opentelemetry/api';
import type { ReadableSpan, SpanExporter, TimedEvent } from '@opentelemetry/sdk-trace-base';
import { couldCarryNir } from '../identity/nir-shaped';

/** What a redacted value or span name reads. */
export const REDACTED = '(redacted)';

/**
 * A string as a span may carry it: unchanged, or {@link REDACTED} whole when it could carry a NIR
 * (identity/nir-shaped: a run of six digits, spaced, split by underscores or not; the request
 * log's rule too). Whole, not masked in place: what is left of a value next to a NIR says too
 * much of it. identity/nir-shaped imports nothing: this module loads before `graphql`, which
 * identity/nir would load (see early-tracing.ts).
 */
export function redactText(text: string): string {
  return couldCarryNir(text) ? REDACTED : text;
}

function redactAttributes(attributes: Attributes | undefined): Attributes | undefined {
  if (attributes === undefined) return undefined;
  const out: Attributes = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (typeof value === 'string') out[key] = redactText(value);
    else if (Array.isArray(value)) out[key] = value.map((v) => (typeof v === 'string' ? redactText(v) : v)) as typeof value;
    else out[key] = value;
  }
  return out;
}

/**
 * A copy of `span` whose name, attributes, status message and events' names and attributes pass
 * {@link redactText}. Client text reaches spans in ways no instrumentation option closes: an
 * operation name or alias (`query N185057800604812 {…}` is valid GraphQL) lands in the span name,
 * `graphql.operation.name` and `graphql.source`; a validation error quoting a literal lands in an
 * exception event. Numbers, trace ids and times are kept: they are not client text.
 */
export function redactSpan(span: ReadableSpan): ReadableSpan {
  return {
    name: redactText(span.name),
    kind: span.kind,
    // A method on the SDK's span: bound, so the copy answers like the original.
    spanContext: () => span.spanContext(),
    parentSpanContext: span.parentSpanContext,
    startTime: span.startTime,
    endTime: span.endTime,
    status: span.status.message === undefined ? span.status : { ...span.status, message: redactText(span.status.message) },
    attributes: redactAttributes(span.attributes) ?? {},
    links: span.links,
    events: span.events.map((e): TimedEvent => ({ ...e, name: redactText(e.name), attributes: redactAttributes(e.attributes) })),
    duration: span.duration,
    ended: span.ended,
    resource: span.resource,
    instrumentationScope: span.instrumentationScope,
    droppedAttributesCount: span.droppedAttributesCount,
    droppedEventsCount: span.droppedEventsCount,
    droppedLinksCount: span.droppedLinksCount,
  };
}

/**
 * The last line of defence before spans leave the process: wraps the OTLP exporter and hands it
 * {@link redactSpan} copies only. The instrumentations are configured not to record values
 * (see start-tracing.ts); this catches what their options cannot.
 */
export class PrivacyExporter implements SpanExporter {
  constructor(private readonly inner: SpanExporter) {}

  export(spans: ReadableSpan[], resultCallback: Parameters<SpanExporter['export']>[1]): void {
    this.inner.export(spans.map(redactSpan), resultCallback);
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}
