import { FieldNode, Kind, OperationDefinitionNode, parse, print } from 'graphql';

/** Who an operation of schema/examples.graphql runs as, from its `# as: ROLE [org]` line. */
export interface ExampleCaller {
  role: 'ANONYMOUS' | 'INSURER' | 'REGULATOR' | 'ANALYST' | 'ADMIN';
  org: string | null;
}

/** One documented operation, ready to send. */
export interface ExampleOperation extends ExampleCaller {
  name: string;
  /** The operation alone, printed (one small document per request, as a client sends it). */
  query: string;
  mutation: boolean;
  /** Live counts the request spends from its caller's per-minute budget (LIVE_COUNTS_PER_MINUTE). */
  liveCounts: number;
}

/** Root fields that always spend one live count per occurrence (their resolvers call spendLiveCounts). */
const LIVE_COUNT_FIELDS = new Set(['notificationDraft', 'simulateBreach']);
/** Root fields that spend one when asked for another date than the breach's reference date (asOf). */
const AS_OF_FIELDS = new Set(['breachImpact', 'affectedInsurers']);

function liveCountsOf(op: OperationDefinitionNode): number {
  const roots = op.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD);
  return roots.filter((f) => LIVE_COUNT_FIELDS.has(f.name.value) || (AS_OF_FIELDS.has(f.name.value) && (f.arguments ?? []).some((a) => a.name.value === 'asOf'))).length;
}

/**
 * The operations of schema/examples.graphql (its text), each with the caller its `# as:` comment
 * names (default ANALYST, as test/examples.test.ts reads them), whether it writes, and the live
 * counts it spends. Throws on an operation without a name or a role that does not exist.
 */
export function exampleOperations(text: string): ExampleOperation[] {
  const callers = new Map<string, ExampleCaller>();
  let pending: ExampleCaller | undefined;
  for (const line of text.split('\n')) {
    const m = /^# as: (\w+)(?: (\S+))?/.exec(line);
    if (m) {
      if (!['ANONYMOUS', 'INSURER', 'REGULATOR', 'ANALYST', 'ADMIN'].includes(m[1])) throw new Error(`examples.graphql: unknown role in "${line}"`);
      pending = { role: m[1] as ExampleCaller['role'], org: m[2] ?? null };
    }
    const op = /^(?:query|mutation) (\w+)/.exec(line);
    if (op) {
      callers.set(op[1], pending ?? { role: 'ANALYST', org: null });
      pending = undefined;
    }
  }
  const doc = parse(text);
  return doc.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((op) => {
      const name = op.name?.value;
      if (!name) throw new Error('examples.graphql: every operation needs a name');
      const caller = callers.get(name) ?? { role: 'ANALYST' as const, org: null };
      return { name, ...caller, query: print(op), mutation: op.operation === 'mutation', liveCounts: liveCountsOf(op) };
    });
}

/** One entry of the soak's mix: a request and how often it may go. */
export interface MixEntry {
  name: string;
  /** Relative frequency among the entries that may go now. */
  weight: number;
  /** At most this many sends in any 60 s (live counts, writes); undefined: no cap. */
  perMinute?: number;
}

/**
 * Draws the next entry of a weighted mix, keeping capped entries under their per-minute cap as the
 * server counts it. The server spends a live count somewhere between the send and the answer, so
 * a send occupies its entry's window from the moment it is picked until 60 s after its answer
 * (`answered`): then no 60 s window of the server's can hold more than the cap, however long a
 * request waited in a queue (counting from the send only let a burst of delayed requests and a
 * burst of fresh ones meet in one server window, and the soak drew QUERY_TOO_COMPLEX).
 * `random` returns [0, 1). Throws at construction when no entry is uncapped (the load would stall).
 */
export class MixPicker<E extends MixEntry> {
  /** Per capped entry, when each send's window ends: Infinity until it is answered. */
  private readonly sends = new Map<E, number[]>();

  constructor(
    private readonly entries: readonly E[],
    private readonly random: () => number = Math.random,
  ) {
    if (!entries.some((e) => e.perMinute === undefined && e.weight > 0)) throw new Error('the mix needs at least one uncapped entry');
    for (const e of entries) if (!(e.weight >= 0) || (e.perMinute !== undefined && !(e.perMinute >= 1))) throw new Error(`bad weight or cap for ${e.name}`);
  }

  /** The entry to send at `nowMs` (recorded as sent and unanswered). */
  pick(nowMs: number): E {
    const open = this.entries.filter((e) => e.weight > 0 && (e.perMinute === undefined || this.open(e, nowMs).length < e.perMinute));
    const total = open.reduce((s, e) => s + e.weight, 0);
    let r = this.random() * total;
    let chosen = open[open.length - 1];
    for (const e of open) {
      r -= e.weight;
      if (r < 0) {
        chosen = e;
        break;
      }
    }
    if (chosen.perMinute !== undefined) this.sends.set(chosen, [...this.open(chosen, nowMs), Infinity]);
    return chosen;
  }

  /** Records that a send of `entry` was answered (or failed) at `nowMs`: its window ends 60 s later. */
  answered(entry: E, nowMs: number): void {
    const ends = this.sends.get(entry);
    const pending = ends?.indexOf(Infinity) ?? -1;
    if (ends && pending >= 0) ends[pending] = nowMs + 60_000;
  }

  /** The sends of `e` whose window is still open at `nowMs`. */
  private open(e: E, nowMs: number): number[] {
    return (this.sends.get(e) ?? []).filter((end) => end > nowMs);
  }
}
