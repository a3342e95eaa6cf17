import { ensureLauncherBuilt } from './embedded';

/** Without Java on PATH, the embedded Neo4j fails with one clear error saying what to install. */
test('missing Java gives NEO4J_LAUNCHER_UNAVAILABLE naming Java, Maven and NEO4J_URI', () => {
  const saved = process.env.PATH;
  process.env.PATH = '/nonexistent';
  try {
    expect(() => ensureLauncherBuilt()).toThrow(/Java.*NEO4J_URI/s);
    try {
      ensureLauncherBuilt();
    } catch (e) {
      expect((e as { code: string }).code).toBe('NEO4J_LAUNCHER_UNAVAILABLE');
    }
  } finally {
    process.env.PATH = saved;
  }
});
