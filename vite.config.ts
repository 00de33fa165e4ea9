// Vite: the demo (npm start: every page of demo/, with the local endpoint) and the single-file bundles of
// scripts/bundles.mjs, one `vite build` each (an IIFE has one entry); plain `vite build` makes the full one.
import { defineConfig } from 'vite';
import { resolve } from 'node:path';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import { endpointDemo } from './demo/server/plugin.js';

const qui = (p: string) => resolve(import.meta.dirname, p);

export default defineConfig({
  root: 'demo',
  publicDir: false,
  // Several pages (portale, assistenza, richieste, ente): an unknown path is a 404, not the home page.
  appType: 'mpa',
  plugins: [
    // Lit's html`` and css`` templates are strings to a JavaScript minifier: this one folds their markup and styles.
    { ...minifyHTML({ failOnError: true }), apply: 'build' },
    endpointDemo({ dati: process.env.ASSISTENZA_DEMO_DATI ?? qui('demo/.dati'), bundle: qui('dist') }),
  ],
  server: { port: 5173, strictPort: false },
  build: {
    outDir: qui('dist'),
    emptyOutDir: false,
    target: 'es2022',
    lib: {
      entry: qui('src/bundles/assistenza-tecnica.ts'),
      // An IIFE runs the same from <script src> and <script type="module" src>.
      formats: ['iife'],
      name: 'AssistenzaTecnica',
      fileName: () => 'assistenza-tecnica.js',
    },
    minify: true,
    // Every non-ASCII character written as an escape: a classic script without a charset is decoded in the page's
    // encoding, and an Ente's old windows-1252 site would show "lunedÃ¬".
    rolldownOptions: { output: { charset: 'ascii' } },
    sourcemap: false,
    reportCompressedSize: false,
  },
});
