#!/usr/bin/env node
// The bin: the built server (npm run build makes dist/main.js from src/).
import { existsSync } from 'node:fs';

const main = new URL('../dist/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('assistenza-tecnica-server: manca server/dist/main.js; esegui npm run build nella radice.\n');
  process.exit(1);
}
await import(main.href);
