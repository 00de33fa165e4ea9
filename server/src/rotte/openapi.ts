// GET /api/openapi.json: the contract for a backend team in any language (placeholder until generated).
import type { FastifyInstance } from 'fastify';

export function rotteOpenApi(app: FastifyInstance): void {
  app.get('/api/openapi.json', async () => ({ openapi: '3.1.0' }));
}
