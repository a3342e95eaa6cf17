import crypto from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Principal } from '../../auth/principal';
import type { RoundTripCounter } from '../../db/executor';
import { couldCarryNir } from '../../identity/nir-shaped';
import type { RequestContext } from '../context';

/**
 * What the per-request log line and the metrics need to know of one HTTP request, filled in as
 * the request goes: the principal and the round-trip counter by the GraphQL context function,
 * the operation name and the error code by {@link requestRecordPlugin}, or the error code by the
 * HTTP layer for answers Apollo never sees. It holds no argument value and no token.
 */
export interface RequestRecord {
  /** The resolved GraphQL operation name, as sent (sanitised when read: {@link operationLabel}). */
  operation: string | null;
  /** Null until the token is verified (and for requests that fail before, such as a 401). */
  principal: Principal | null;
  /** The request's Cypher statement counter, once its GraphQL context exists. */
  roundTrips: RoundTripCounter | null;
  /** The first error code of the answer (catalogue code), null when none. */
  errorCode: string | null;
}

const records = new WeakMap<object, RequestRecord>();

/** The record of a request (a Fastify request, or a GraphQL context), created on first use. */
export function recordOf(key: object): RequestRecord {
  let record = records.get(key);
  if (!record) {
    record = { operation: null, principal: null, roundTrips: null, errorCode: null };
    records.set(key, record);
  }
  return record;
}

/**
 * Makes `context` share the record of the HTTP request it was created for. Keyed by the
 * context's round-trip counter, not the context itself: Apollo executes each operation on a
 * shallow copy of the context value, which keeps the same counter object.
 */
export function linkRecord(context: RequestContext, record: RequestRecord): void {
  records.set(context.roundTrips, record);
}

/** An incoming request id we echo: letters, digits and dashes, 1 to 64 of them. */
const SANE_REQUEST_ID = /^[A-Za-z0-9-]{1,64}$/;

/**
 * The id of a request: the caller's `x-request-id` when it is sane ([A-Za-z0-9-]{1,64}, so a
 * proxy's id ties the lines together), else a fresh UUID. Anything else is not echoed or logged,
 * since a header is the caller's free text.
 */
export function requestIdOf(header: string | string[] | undefined): string {
  return typeof header === 'string' && SANE_REQUEST_ID.test(header) ? header : crypto.randomUUID();
}

/** A GraphQL name, at most 64 characters. */
const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

/**
 * The operation name as logs and metrics show it: the name when it is a plain GraphQL name of at
 * most 64 characters that could not carry a NIR ({@link couldCarryNir}: no run of six digits,
 * whether split by underscores or not), `(anonymous)` when there is none, `(redacted)` otherwise.
 * The name is the client's free text: a careless client could put a NIR in it
 * (`query N185057800604812 {…}` or `query N1_85_05_78_006_084_91 {…}` is valid GraphQL), and
 * logs must never hold one.
 */
export function operationLabel(name: unknown): string {
  if (name === null || name === undefined || name === '') return '(anonymous)';
  return typeof name === 'string' && NAME.test(name) && !couldCarryNir(name) ? name : '(redacted)';
}

/**
 * Copies into the request's record what only Apollo knows: the resolved operation name and the
 * first error code of the answer (after the error formatter, so a catalogue code). Requests whose
 * context was not created by the HTTP layer (tests executing operations directly) have no
 * record and are left alone.
 */
export const requestRecordPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart({ contextValue }) {
    const record = records.get(contextValue.roundTrips);
    if (!record) return;
    return {
      async didResolveOperation({ operation }) {
        // The name in the document (the body's operationName only selects among several).
        record.operation = operation?.name?.value ?? null;
      },
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const code = response.body.singleResult.errors?.[0]?.extensions?.code;
        if (response.body.singleResult.errors?.length) record.errorCode = typeof code === 'string' ? code : 'INTERNAL';
      },
    };
  },
};
