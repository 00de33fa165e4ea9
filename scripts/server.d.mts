// The types of scripts/server.mjs, for the TypeScript that imports it (the demo's Vite plugin bundles its history with
// the server's options).
import type { BuildOptions } from 'esbuild';

export const USCITA: string;
/** The options every bundle of server code uses: the server itself, its tests, the demo's history. */
export const OPZIONI_SERVER: BuildOptions;
export function costruisciServer(): Promise<void>;
export function serverDaCostruire(): boolean;
