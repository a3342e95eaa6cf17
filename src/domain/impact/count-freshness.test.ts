import { countFreshness } from './count-freshness';

const STALE = { stale: true, staleSince: '2026-12-04T22:00:00Z' };
const CURRENT = { stale: false, staleSince: null };

test('counts read from or derived from stale summaries are not current, and say since when', () => {
  expect(countFreshness('MAINTAINED_SUMMARY', STALE)).toEqual({ method: 'MAINTAINED_SUMMARY', current: false, staleSince: STALE.staleSince });
  expect(countFreshness('DERIVED_FROM_SUMMARY', STALE)).toEqual({ method: 'DERIVED_FROM_SUMMARY', current: false, staleSince: STALE.staleSince });
});

test('a live count is current whatever the summaries say; summaries that are current are current', () => {
  expect(countFreshness('LIVE_COUNT', STALE)).toEqual({ method: 'LIVE_COUNT', current: true, staleSince: null });
  expect(countFreshness('MAINTAINED_SUMMARY', CURRENT)).toEqual({ method: 'MAINTAINED_SUMMARY', current: true, staleSince: null });
});
