import { SpanStatusCode } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { PrivacyExporter, REDACTED, redactText } from './privacy-exporter';

/** The last filter before spans leave the process: client text with a digit run never reaches the collector. */
test('a run of six digits, spaced, split by underscores or not, redacts the whole string; other text is kept', () => {
  expect(redactText('query N185057800604812')).toBe(REDACTED);
  expect(redactText('1 85 05 78 006 048 12')).toBe(REDACTED);
  expect(redactText('query N1_85_05_78_006_084_91')).toBe(REDACTED);
  expect(redactText('String cannot represent a non string value: 185057800604812')).toBe(REDACTED);
  for (const kept of ['query TracedMemberExposure', 'POST', '/graphql', '127.0.0.1', '2026-12-03', 'cypher impact/contract-page', 'v1 2 3 4 5']) expect(redactText(kept)).toBe(kept);
});

test('what the exporter hands on: name, attributes, status message and events redacted; ids, kinds, numbers kept', async () => {
  const memory = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(new PrivacyExporter(memory))] });
  const span = provider.getTracer('t').startSpan('query N185057800604812', {
    attributes: { 'graphql.operation.name': 'N185057800604812', 'graphql.source': 'query N185057800604812 { a }', 'url.path': '/graphql', 'server.port': 4000, list: ['ok', '1 85 05 78 006 048 12'] },
  });
  span.addEvent('exception', { 'exception.message': 'String cannot represent a non string value: 185057800604812', 'exception.type': 'GraphQLError' });
  span.setStatus({ code: SpanStatusCode.ERROR, message: 'bad value 185057800604812' });
  const { traceId, spanId } = span.spanContext();
  span.end();
  await provider.forceFlush();
  const [out] = memory.getFinishedSpans();
  expect(out!.name).toBe(REDACTED);
  expect(out!.attributes).toEqual({ 'graphql.operation.name': REDACTED, 'graphql.source': REDACTED, 'url.path': '/graphql', 'server.port': 4000, list: ['ok', REDACTED] });
  expect(out!.events[0]!.attributes).toEqual({ 'exception.message': REDACTED, 'exception.type': 'GraphQLError' });
  expect(out!.status).toEqual({ code: SpanStatusCode.ERROR, message: REDACTED });
  expect(out!.spanContext()).toMatchObject({ traceId, spanId });
  expect(JSON.stringify(memory.getFinishedSpans().map((s) => [s.name, s.attributes, s.events, s.status]))).not.toMatch(/185057800604812/);
  await provider.shutdown();
});
