import { warmUpOutcomeOf } from './page-cache-warm-up';

/** The launcher's warm-up report line (PageCacheWarmup.java) as the Node side reads it. */
test('the report line gives pages, bytes, files and whether the cache filled; other lines are not reports', () => {
  expect(warmUpOutcomeOf('NEO4J_WARMED pages=940045 bytes=7700848640 files=63 of=63 seconds=53.6 full=true')).toEqual({
    pages: 940_045,
    bytes: 7_700_848_640,
    files: 63,
    of: 63,
    seconds: 53.6,
    full: true,
  });
  expect(warmUpOutcomeOf('NEO4J_WARMED pages=0 bytes=0 files=0 of=0 seconds=0.0 full=false')).toMatchObject({ pages: 0, full: false });
  expect(warmUpOutcomeOf('NEO4J_WARMUP_FAILED java.io.IOException: closed')).toEqual({ failed: 'java.io.IOException: closed' });
  expect(warmUpOutcomeOf('NEO4J_READY bolt://127.0.0.1:7687 data=/x')).toBeNull();
  expect(warmUpOutcomeOf('NEO4J_WARMED pages=many')).toBeNull();
});
