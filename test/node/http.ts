// Shared by the Node tests of the demo's side (the browser suite's proxy, the demo): serve a Node middleware on a free
// port, and the bodies the widget sends.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';

export interface Servito {
  url: string;
  chiudi(): Promise<void>;
}

/** Serves any Node middleware on a free port of 127.0.0.1. */
export async function servi(gestore: (req: IncomingMessage, res: ServerResponse, next: () => void) => void) {
  const server: Server = createServer((req, res) =>
    gestore(req, res, () => {
      res.writeHead(404);
      res.end();
    }),
  );
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  const chiudi = () =>
    new Promise<void>((ok) => {
      server.closeAllConnections();
      server.close(() => ok());
    });
  return { url: `http://127.0.0.1:${port}`, chiudi } satisfies Servito;
}

export const richiesta = (extra: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  cognome: 'Rossi',
  nome: 'Mario',
  email: 'mario.rossi@esempio.it',
  rispostaViaEmail: true,
  descrizione: 'Non riesco a caricare la planimetria della SCIA.',
  creataIl: new Date().toISOString(),
  ...extra,
});

export const nuovaRisposta = (extra: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  testo: 'Ho provato, ma il caricamento si ferma al 90%.',
  inviatoIl: new Date().toISOString(),
  ...extra,
});
