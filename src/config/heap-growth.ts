import v8 from 'node:v8';

/**
 * Sets how far V8 lets the heap grow past its live size before the next full collection (V8's
 * `--heap-growing-percent`: the limit becomes live × (1 + percent / 100)); 0 leaves V8's own factor.
 * Why: V8 grows the old generation to up to four times what stayed live when collections are
 * cheap, so a streamed mailing export whose live heap never exceeds ~35 MB still raised the API's
 * RSS by 100–190 MB (measured at 1M and 10M people). At 50 % the same export raised it by about
 * 30 MB, for more, shorter full collections. Call once, at start, before the heap fills: V8 reads
 * the flag each time it sets the next limit. `node --heap-growing-percent=N` on the command line
 * does the same; NODE_OPTIONS cannot carry it.
 */
export function applyHeapGrowth(percent: number): void {
  if (!Number.isInteger(percent) || percent < 0) throw new Error(`heap growth must be a whole percentage, not ${percent}`);
  if (percent === 0) return;
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}
