// GET /api/salute: 200 {"stato":"ok"} when the database answers, 503 otherwise (a load balancer's check).
import type { FastifyInstance } from 'fastify';
import type { Database } from '../archivio/database.js';
import { altriMetodi, RETRY_AFTER_DATABASE_S } from './comuni.js';

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
