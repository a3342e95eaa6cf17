import v8 from 'node:v8';

/**
 * How far V8 lets the heap grow past its live size before the next full collection (V8's
 * `--heap-growing-percent`: the limit becomes live × (1 + percent / 100)); 0 is V8's own factor.
 * Why it matters: V8 grows the old generation to up to four times what stayed live when
 * collections are cheap, so a streamed mailing export whose live heap never exceeds ~35 MB still
 * raised the API's RSS by 100–190 MB (measured at 1M and 10M people); at 50 % the same export
 * raised it by about 30 MB, for more, shorter full collections. V8 reads the flag each time it
 * sets the next limit (after each full collection), so it can change while the process runs.
 * `node --heap-growing-percent=N` on the command line does the same; NODE_OPTIONS cannot carry it.
 */

/** The growth an export holds the process to while it streams (see {@link holdHeapGrowth}). */
export const EXPORT_HEAP_GROWTH_PERCENT = 50;

/** What {@link applyHeapGrowth} set: the process's growth whenever no export holds it tighter. */
let configured = 0;
/** Exports streaming now: the tighter growth holds while there is at least one. */
let holds = 0;
/** What this module last gave V8 (0: V8's own factor, the flag's default). */
let inForce = 0;

function setFlag(percent: number): void {
  // 0 is the flag's own default in V8: its dynamic factor.
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
  inForce = percent;
}

/** The heap growth in force now, in percent (0: V8's own factor): what tests and logs can see of the holds. */
export function heapGrowthInForce(): number {
  return inForce;
}

/** The growth in force while an export streams: the configured one when it is already as tight, else the export's. */
function heldPercent(): number {
  return configured > 0 && configured <= EXPORT_HEAP_GROWTH_PERCENT ? configured : EXPORT_HEAP_GROWTH_PERCENT;
}

/** Sets the process's heap growth (HEAP_GROWTH_PERCENT), at start, before the heap fills. */
export function applyHeapGrowth(percent: number): void {
  if (!Number.isInteger(percent) || percent < 0) throw new Error(`heap growth must be a whole percentage, not ${percent}`);
  configured = percent;
  if (holds === 0 && percent !== inForce) setFlag(percent);
}

/**
 * Holds the process's heap growth to {@link EXPORT_HEAP_GROWTH_PERCENT} (or the configured value
 * when tighter) until the returned release is called; holds nest (two exports at once release
 * after the last). Why: an export allocates gigabytes of short-lived objects around a small live
 * set for tens of seconds, the case where V8's own factor lets the RSS climb most (issue #13: RSS
 * growth ≤ 50 MB during an export), while the rest of the API's work keeps V8's factor, which
 * served the largest GraphQL answers a little faster in side-by-side runs. The limit V8 set at
 * its last full collection stands until the next one, which the export's garbage soon brings.
 * Calling the release twice is a bug and throws.
 */
export function holdHeapGrowth(): () => void {
  holds += 1;
  if (holds === 1) setFlag(heldPercent());
  let released = false;
  return () => {
    if (released) throw new Error('heap growth hold released twice');
    released = true;
    holds -= 1;
    if (holds === 0) setFlag(configured);
  };
}
