import DataLoader from 'dataloader';
import { notFound } from '../errors/app-error';
import type { CatalogueCache, VersionReader } from './catalogue-cache';

/**
 * A loader of one row per id. `fetch` runs one Cypher statement for the whole batch; ids that
 * name nothing resolve to null, so callers decide whether that is NOT_FOUND.
 */
export function rowsById<R>(fetch: (ids: string[]) => Promise<R[]>, idOf: (row: R) => string): DataLoader<string, R | null> {
  return new DataLoader(async (ids) => {
    const rows = await fetch([...ids]);
    // Rows come back in the database's order, not the batch's; DataLoader needs the batch's.
    const byId = new Map(rows.map((r) => [idOf(r), r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** A loader of the list of rows that belong to each key (a breach's events, an org's systems…). */
export function rowsByKey<R>(fetch: (keys: string[]) => Promise<Array<{ key: string; row: R }>>): DataLoader<string, R[]> {
  return new DataLoader(async (keys) => {
    const grouped = new Map<string, R[]>(keys.map((k) => [k, []]));
    for (const { key, row } of await fetch([...keys])) grouped.get(key)?.push(row);
    return keys.map((k) => grouped.get(k) ?? []);
  });
}

/** Where a {@link cachedRowsById} loader keeps rows across requests. */
export interface SharedRows {
  cache: CatalogueCache;
  /** The request's catalogue version (null: do not cache). */
  version: VersionReader;
  kind: string;
}

/**
 * {@link rowsById} over the process's catalogue cache: ids cached at the request's catalogue
 * version are answered without a statement, the rest are fetched in one batch and kept.
 * `visible` hides rows the caller may not see (a tenant filter applied after the shared cache,
 * which holds every tenant's rows, so it must be the filter the statement would have applied).
 */
export function cachedRowsById<R>(
  fetch: (ids: string[]) => Promise<R[]>,
  idOf: (row: R) => string,
  shared: SharedRows,
  visible: (row: R) => boolean = () => true,
): CachedLoader<R> {
  const loader = new DataLoader<string, R | null>(async (ids) => {
    const version = await shared.version();
    const rows = version === null ? new Map<string, R | null>() : shared.cache.rowsOf<R>(version, shared.kind);
    const missing = ids.filter((id) => !rows.has(id));
    if (missing.length > 0) {
      const fetched = new Map((await fetch(missing)).map((r) => [idOf(r), r]));
      // Absent ids are cached as null too: a request for an unknown id must not cost a statement each time.
      // Frozen: the same row object now serves every later request, so no resolver may change it.
      for (const id of missing) rows.set(id, Object.freeze(fetched.get(id)) ?? null);
    }
    return ids.map((id) => {
      const row = rows.get(id) ?? null;
      return row !== null && visible(row) ? row : null;
    });
  }) as CachedLoader<R>;
  // The row held at `version` (null: none, or not visible); undefined when no version or not held.
  const heldAt = (version: string | null | undefined, id: string): R | null | undefined => {
    if (version === undefined || version === null) return undefined;
    const rows = shared.cache.rowsOf<R>(version, shared.kind);
    if (!rows.has(id)) return undefined;
    const row = rows.get(id) ?? null;
    return row !== null && visible(row) ? row : null;
  };
  loader.peek = (id) => heldAt(shared.version.peek(), id);
  loader.peekAssumed = (id) => heldAt(shared.version.assumed(), id);
  return loader;
}

/** A {@link cachedRowsById} loader, which can also answer from the shared cache synchronously. */
export type CachedLoader<R> = DataLoader<string, R | null> & {
  /** The row (null: none, or not visible) when the cache holds it at this request's version; undefined when only `load` can tell. */
  peek(id: string): R | null | undefined;
  /**
   * As `peek`, at the version the request may assume (VersionReader.assumed) rather than one it
   * read: no statement at all, so the caller must confirm the version before answering from it.
   */
  peekAssumed(id: string): R | null | undefined;
};

/**
 * The row for `id`, synchronously when the shared cache already holds it (most nested fields of
 * an answer: a value spares graphql-js a promise per field), else loaded; NOT_FOUND naming `what`
 * when it does not exist.
 */
export function required<R>(loader: CachedLoader<R>, id: string, what: string): R | Promise<R> {
  const hit = loader.peek(id);
  if (hit) return hit;
  return loader.load(id).then((row) => {
    if (!row) throw notFound(what, id);
    return row;
  });
}

/** The values as an array when none is pending, else a promise of them (Promise.all). */
export function allOf<T>(values: Array<T | Promise<T>>): T[] | Promise<T[]> {
  return values.some((v) => v instanceof Promise) ? Promise.all(values) : (values as T[]);
}
