import { CURSOR_MARKER, redactArguments } from './redact';

test('cursor arguments become the marker, whatever they hold; NIRs are redacted as before', () => {
  const forged = Buffer.from('contract:185077512345678').toString('base64url');
  expect(redactArguments({ after: forged, first: 2, breachId: 'breach-x' })).toEqual({ after: CURSOR_MARKER, first: 2, breachId: 'breach-x' });
  expect(redactArguments({ after: null })).toEqual({ after: null });
  expect(redactArguments({ nir: '185077512345678', note: 'id 185077512345678' })).toEqual({ nir: '[redacted]', note: 'id [redacted-nir]' });
});
