// GET /api/salute: 200 {"stato":"ok"} when the database answers, 503 otherwise (a load balancer's check).
import type { FastifyInstance } from 'fastify';
import type { Database } from '../archivio/database.js';
import { altriMetodi, RETRY_AFTER_DATABASE_S } from './comuni.js';
import { risposta, type Documentazione } from './documenta.js';
import { saluteSchema } from './schemi.js';

export function rotteSalute(app: FastifyInstance, o: { db: Database }): void {
  app.get('/api/salute', async (_req, reply) => {
    if (await o.db.risponde()) {
      return { stato: 'ok' };
    }
    return reply
      .code(503)
      .header('Retry-After', String(RETRY_AFTER_DATABASE_S))
      .send({ stato: 'non-disponibile', messaggio: 'Il database non risponde.' });
  });
  altriMetodi(app, '/api/salute', ['GET']);
}

export const documentazioneSalute: Documentazione = {
  schemi: { Salute: { schema: saluteSchema } },
  percorsi: {
    '/api/salute': {
      get: {
        summary: 'Whether the server and its database answer',
        responses: {
          200: risposta('The database answers', 'Salute'),
          503: risposta('The database does not answer', 'Salute'),
        },
      },
    },
  },
};
