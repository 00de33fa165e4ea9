// How the HTTP server lets its connections go when it closes (SIGTERM): every answer under way is finished and sent
// whole, then its connection is closed; idle kept-alive connections are closed at once.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Replaces the server's closeIdleConnections, which server.close() calls, because Node's falls short twice: it counts
 * as idle, and destroys, a connection whose answer is handed over (res.end) but still being written to a slow client,
 * cutting a large download off; and a connection busy with a request when the close begins is kept alive after its
 * answer, holding the exit up for the keep-alive timeout (72 s in Fastify). Here an idle connection is destroyed, an
 * answer not yet begun says Connection: close, and a busy connection is ended once its answers are all sent.
 */
export function chiudiSenzaTroncare(server: Server): void {
  const connessioni = new Set<Socket>();
  const inCorso = new Map<Socket, Set<ServerResponse>>();
  let chiudendo = false;

  server.on('connection', (socket: Socket) => {
    connessioni.add(socket);
    socket.once('close', () => {
      connessioni.delete(socket);
      inCorso.delete(socket);
    });
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket;
    const risposte = inCorso.get(socket) ?? new Set<ServerResponse>();
    risposte.add(res);
    inCorso.set(socket, risposte);
    // 'close' comes once the answer is handed to the system whole, or when the client has gone.
    res.once('close', () => {
      risposte.delete(res);
      if (chiudendo && risposte.size === 0) {
        socket.destroySoon();
      }
    });
  });

  server.closeIdleConnections = () => {
    chiudendo = true;
    for (const socket of connessioni) {
      const risposte = inCorso.get(socket);
      if (risposte === undefined || risposte.size === 0) {
        socket.destroy();
        continue;
      }
      for (const res of risposte) {
        if (!res.headersSent) {
          res.setHeader('Connection', 'close');
        }
      }
    }
  };
}
