import { z } from 'zod';

/** Where traces go, read from OpenTelemetry's own variables (see {@link TRACING_ENV}). */
export interface TracingSettings {
  /**
   * Where spans are POSTed: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT as given, else
   * OTEL_EXPORTER_OTLP_ENDPOINT with `/v1/traces` appended (the OTLP convention); undefined (traces
   * off) when neither is set, or when OTEL_SDK_DISABLED is true.
   */
  tracesUrl: string | undefined;
  /** `service.name` of every span (OTEL_SERVICE_NAME, default breach-impact). */
  serviceName: string;
}

// This module imports zod and nothing of the project: telemetry/early-tracing.ts reads it before
// `graphql` may be loaded (errors/app-error, which config.ts imports, loads it), so that the
// instrumentations can still patch it.

/** Unset and empty are the same: the default applies. */
const emptyIsUnset = (v: unknown): unknown => (v === '' ? undefined : v);

/** An absolute http(s) address with a host: what an OTLP/HTTP exporter can POST to. */
function isHttpAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const endpoint = () =>
  z.preprocess(
    emptyIsUnset,
    z
      .string()
      .transform((v) => v.trim())
      .refine(isHttpAddress, { error: 'an http:// or https:// address of an OTLP/HTTP collector, such as http://localhost:4318' })
      .optional(),
  );

/**
 * The variables of traces, with their checks: OpenTelemetry's own names, so a platform that sets
 * them for every service just works. config.ts validates them with the others (its error names
 * the variable and the value).
 */
export const TRACING_ENV = {
  OTEL_EXPORTER_OTLP_ENDPOINT: endpoint(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: endpoint(),
  OTEL_SERVICE_NAME: z.preprocess(emptyIsUnset, z.string().trim().min(1, { error: 'a service name' }).optional()).transform((v) => v ?? 'breach-impact'),
  OTEL_SDK_DISABLED: z.preprocess(
    emptyIsUnset,
    z
      .string()
      .regex(/^(1|true|yes|on|0|false|no|off)$/i, { error: 'true or false' })
      .transform((v) => /^(1|true|yes|on)$/i.test(v))
      .optional(),
  ),
};

const TRACING = z.object(TRACING_ENV);

/** The settings from the variables {@link TRACING_ENV} validated. */
export function tracingSettings(v: z.output<typeof TRACING>): TracingSettings {
  const general = v.OTEL_EXPORTER_OTLP_ENDPOINT;
  let tracesUrl = v.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? (general === undefined ? undefined : `${general.endsWith('/') ? general : `${general}/`}v1/traces`);
  if (v.OTEL_SDK_DISABLED === true) tracesUrl = undefined;
  return { tracesUrl, serviceName: v.OTEL_SERVICE_NAME };
}

/**
 * The settings from an environment, for the process's first lines (telemetry/early-tracing.ts);
 * undefined when a variable of traces is invalid: `loadConfig` then refuses the start and says why.
 */
export function readTracingSettings(env: NodeJS.ProcessEnv = process.env): TracingSettings | undefined {
  const parsed = TRACING.safeParse(env);
  return parsed.success ? tracingSettings(parsed.data) : undefined;
}
