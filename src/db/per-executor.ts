import type { Executor } from './executor';

/**
 * Returns a getter of one `T` per executor, created on first use: process-level caches must be
 * per database connection, since tests and tools may hold executors over different servers. A
 * WeakMap, so a closed executor's cache goes with it.
 */
export function perExecutor<T extends object>(create: () => T): (executor: Executor) => T {
  const values = new WeakMap<Executor, T>();
  return (executor) => {
    let value = values.get(executor);
    if (!value) {
      value = create();
      values.set(executor, value);
    }
    return value;
  };
}
