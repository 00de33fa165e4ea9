// Vite: the demo (npm start: every page of demo/, with the local endpoint) and the single-file bundle
// dist/assistenza-tecnica.js. `vite build` writes only the bundle: the demo is served, never built.
import { defineConfig } from 'vite';
import { resolve } from 'node:path';
import { endpointDemo } from './demo/server/plugin.js';
import { minificaTemplate, soloAscii } from './scripts/minifica-letterali.js';

const qui = (p: string) => resolve(import.meta.dirname, p);

export default defineConfig({
  root: 'demo',
  publicDir: false,
  // Several pages (portale, assistenza, ente, backoffice): an unknown path is a 404, not the home page.
  appType: 'mpa',
  plugins: [minificaTemplate(), soloAscii(), endpointDemo({ file: process.env.ASSISTENZA_DEMO_DATI ?? qui('demo/.dati/richieste.json'), bundle: qui('dist/assistenza-tecnica.js') })],
  server: { port: 5173, strictPort: false },
  build: {
    outDir: qui('dist'),
    emptyOutDir: false,
    target: 'es2022',
    lib: {
      entry: qui('src/bundle.ts'),
      // An IIFE runs the same from <script src> and <script type="module" src>.
      formats: ['iife'],
      name: 'AssistenzaTecnica',
      fileName: () => 'assistenza-tecnica.js',
    },
    minify: true,
    sourcemap: false,
    reportCompressedSize: false,
  },
});
