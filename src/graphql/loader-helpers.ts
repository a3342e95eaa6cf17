import DataLoader from 'dataloader';

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
