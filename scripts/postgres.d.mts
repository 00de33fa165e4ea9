// The types of postgres.mjs, for the server's tests that start a cluster of their own.

export interface Cluster {
  /** postgres://…@127.0.0.1:<port>/postgres */
  url: string;
  porta: number;
  /** The URL of another database of this cluster. */
  urlDi(database: string): string;
  /** Starts it again (after ferma), on the same port. */
  avvia(): string;
  /** Stops it: `fast` (the default) ends the sessions, `immediate` does not wait for them. */
  ferma(modo?: 'smart' | 'fast' | 'immediate'): string;
  /** Stops it (if running) and removes its folder. */
  elimina(): void;
}

export function cartellaBinari(): string | undefined;
export function portaLibera(): Promise<number>;
export function avviaPostgres(opzioni?: { veloce?: boolean }): Promise<Cluster>;
