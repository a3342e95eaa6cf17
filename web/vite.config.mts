import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The web front end's build: two pages, `/dashboard` and `/graphiql`, bundled with every asset
 * (scripts, styles, Monaco's workers, fonts) into `web/dist/`, which the API serves under
 * `/web/` (src/api/server/web-routes.ts). Nothing is loaded from another origin at run time.
 * JSX goes through Vite 8's own Oxc transform (no Babel plugin).
 */
/** This folder (web/): the config is an ES module, without __dirname. */
const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: '/web/',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: path.join(here, 'dist'),
    emptyOutDir: true,
    // GraphiQL brings Monaco: its chunks are large by nature, and served from localhost.
    chunkSizeWarningLimit: 6000,
    sourcemap: false,
    rollupOptions: {
      // React libraries mark modules "use client" (for server components); meaningless in a
      // browser bundle, and one warning per module would bury real ones.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      input: {
        dashboard: path.join(here, 'dashboard/index.html'),
        graphiql: path.join(here, 'graphiql/index.html'),
      },
    },
  },
  worker: { format: 'es' },
});
