// Vite: the demo (npm start, with the local endpoint) and the single-file bundle dist/assistenza-tecnica.js.
import { defineConfig } from 'vite';
import { resolve } from 'node:path';
import { endpointDemo } from './demo/server/plugin.js';

export default defineConfig({
  root: 'demo',
  publicDir: false,
  plugins: [endpointDemo(resolve(import.meta.dirname, 'demo/.dati/richieste.json'))],
  server: { port: 5173, strictPort: false },
  build: {
    outDir: resolve(import.meta.dirname, 'dist'),
    emptyOutDir: false,
    target: 'es2022',
    lib: {
      entry: resolve(import.meta.dirname, 'src/index.ts'),
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
