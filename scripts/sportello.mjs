// The help desk's console: sportello/ built by Vite (Lit's templates folded like the bundles') into
// server/dist/sportello/, which the server serves at /sportello/. `npm run build` builds it; `npm start` when it is
// missing or older than its sources.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ultimaModifica } from './server.mjs';

export const USCITA_SPORTELLO = 'server/dist/sportello';

export async function costruisciSportello() {
  const { build } = await import('vite');
  const { default: minifyHTML } = await import('@lit-labs/rollup-plugin-minify-html-literals');
  await build({
    configFile: false,
    root: resolve('sportello'),
    base: '/sportello/',
    publicDir: 'public',
    logLevel: 'warn',
    plugins: [{ ...minifyHTML({ failOnError: true }), apply: 'build' }],
    build: {
      outDir: resolve(USCITA_SPORTELLO),
      emptyOutDir: true,
      target: 'es2022',
      // Nothing inlined as a data: URL (the page's CSP allows its own files only), no preload polyfill (no script
      // of Vite's own in the page).
      assetsInlineLimit: 0,
      modulePreload: { polyfill: false },
      sourcemap: false,
      reportCompressedSize: false,
    },
  });
}

/** Whether the console's build is missing or older than its sources (sportello/, and the widget's src it imports). */
export const sportelloDaCostruire = () =>
  !existsSync(`${USCITA_SPORTELLO}/index.html`) ||
  statSync(`${USCITA_SPORTELLO}/index.html`).mtimeMs < ultimaModifica(['sportello', 'src']);
