import { BREACH_IMPACT_NAMESPACE, uuidV5 } from './uuid-v5';

test('matches the RFC 9562 example: "www.example.com" in the DNS namespace', () => {
  // RFC 9562 Appendix A.4 (UUIDv5 example), DNS namespace 6ba7b810-9dad-11d1-80b4-00c04fd430c8.
  expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
});

test('is stable, version 5, RFC variant, and differs by name', () => {
  const a = uuidV5('breach-viamedis-2024/incident/breach-viamedis-2024');
  expect(uuidV5('breach-viamedis-2024/incident/breach-viamedis-2024', BREACH_IMPACT_NAMESPACE)).toBe(a);
  expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(uuidV5('breach-almerys-2024/incident/breach-almerys-2024')).not.toBe(a);
});

test('refuses a namespace that is not a UUID', () => {
  expect(() => uuidV5('x', 'not-a-uuid')).toThrow(/not a UUID/);
});
