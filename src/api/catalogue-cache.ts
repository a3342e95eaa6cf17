import { cypher } from '../db/cypher-files';
import { perExecutor } from '../db/per-executor';
import type { RequestDb } from '../db/request-db';

const Q = { version: cypher('admin/catalogue-version') };

/**
 * Catalogue rows (organisations, systems, populations, data categories, data flows, breaches)
 * kept across requests by one API process while the database's catalogue version is unchanged.
 * They are a few thousand small rows, read by nearly every nested answer and written only by seed
 * loads and breach registration, which change the version in the same transaction
 * (admin/bump-catalogue-version). Each request reads the version before any row, so it never
 * gets rows older than that version; another process's write is seen by the next request.
 */
export class CatalogueCache {
  private version: string | null = null;
  private readonly kinds = new Map<string, Map<string, unknown>>();

  /** The rows of `kind` cached for `version`; a different version empties the whole cache first. */
  rowsOf<R>(version: string, kind: string): Map<string, R | null> {
    if (version !== this.version) {
      this.kinds.clear();
      this.version = version;
    }
    let rows = this.kinds.get(kind);
    if (!rows) {
      rows = new Map();
      this.kinds.set(kind, rows);
    }
    return rows as Map<string, R | null>;
  }

  /** The version the cached rows were read at (null: nothing cached yet). */
  get current(): string | null {
    return this.version;
  }
}

/** The process's catalogue cache for the database behind an executor. */
export const catalogueCacheOf = perExecutor(() => new CatalogueCache());

/** The request's catalogue version: read once on first call; `peek` gives it once it has arrived. */
export interface VersionReader {
  (): Promise<string | null>;
  /** The version if already read (null: none set), undefined while unknown. */
  peek(): string | null | undefined;
  /**
   * The version this request may assume without a statement: its own once read, else the one the
   * process's cache holds rows at (undefined: neither). An assumption, not a reading: whoever
   * answers from rows at it must confirm it with a statement that returns the current version
   * (shared/catalogue-version) before the answer leaves, and {@link VersionReader.adopt} it.
   */
  assumed(): string | undefined;
  /**
   * Takes the version another statement of this request read alongside its rows, so the request
   * reads none of its own; no effect once the request has a version.
   */
  adopt(version: string | null): void;
}

/**
 * Reads the catalogue version once for a request (one round trip, on first use, unless a statement
 * that read it alongside its rows gave it first); null when no write has set one yet, and then
 * nothing is cached. `cache` is what {@link VersionReader.assumed} falls back to.
 */
export function catalogueVersionReader(db: RequestDb, cache?: CatalogueCache): VersionReader {
  let version: Promise<string | null> | undefined;
  let arrived: string | null | undefined;
  const read = (() =>
    (version ??= db.read<{ version: string | null }>(Q.version).then((rows) => {
      arrived = rows[0]?.version ?? null;
      return arrived;
    }))) as VersionReader;
  read.peek = () => arrived;
  read.assumed = () => (arrived !== undefined ? (arrived ?? undefined) : (cache?.current ?? undefined));
  read.adopt = (v) => {
    if (version !== undefined) return;
    arrived = v;
    version = Promise.resolve(v);
  };
  return read;
}
