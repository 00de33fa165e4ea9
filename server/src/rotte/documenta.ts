// The pieces each route module describes its routes with, beside the routes themselves: openapi.ts gathers them into
// one OpenAPI 3.1 document and generates the named bodies from their zod schemas.
import type * as z from 'zod/mini';
import { TIPI_ALLEGATO } from '../../../src/richiesta.js';

export type SchemaJson = Record<string, unknown>;

/** What a route module adds to the document: its operations by path and method, and its bodies' schemas by name. */
export interface Documentazione {
  percorsi: Record<string, Record<string, SchemaJson>>;
  /** Named bodies: `input` for what a client sends (the widget's schemas), `output` (the default) for answers. */
  schemi: Record<string, { schema: z.ZodMiniType; io?: 'input' | 'output' }>;
}

export const rif = (nome: string): SchemaJson => ({ $ref: `#/components/schemas/${nome}` });
export const json = (schema: SchemaJson) => ({ content: { 'application/json': { schema } } });
export const corpoJson = (nome: string) => ({ required: true, ...json(rif(nome)) });
export const risposta = (descrizione: string, nome: string, extra: SchemaJson = {}) => ({
  description: descrizione,
  ...extra,
  ...json(rif(nome)),
});
export const errore = (descrizione: string) => risposta(descrizione, 'Errore');
export const nonValido = (descrizione: string) => risposta(descrizione, 'ErroreValidazione');
export const nonDisponibile = risposta(
  'The database is unavailable: nothing was stored; retry after Retry-After (seconds)',
  'Errore',
  { headers: { 'Retry-After': { schema: { type: 'integer' } } } },
);
export const chiave = {
  name: 'Idempotency-Key',
  in: 'header',
  required: true,
  description: 'The body’s id (a UUID v4), the same at every attempt',
  schema: { type: 'string', format: 'uuid' },
};
export const idPercorso = (descrizione: string, nome = 'id') => ({
  name: nome,
  in: 'path',
  required: true,
  description: descrizione,
  schema: { type: 'string', format: 'uuid' },
});
export const ripetuta = {
  'Idempotent-Replayed': { description: 'true on a repeated key: the first answer again', schema: { type: 'string' } },
};
export const parametroQuery = (nome: string, descrizione: string, schema: SchemaJson) => ({
  name: nome,
  in: 'query',
  description: descrizione,
  schema,
});

/** Security: the portal's token, optional (anonymous allowed) or required; the operator's session. */
export const tokenFacoltativo = [{}, { portale: [] }];
export const token = [{ portale: [] }];
export const sessione = [{ sportello: [] }];

/** A stored file's download: its bytes, with the headers that keep a browser from running them. */
export const scaricamento = {
  description:
    'The bytes, with Content-Disposition: attachment, X-Content-Type-Options: nosniff and ' +
    "Content-Security-Policy: default-src 'none'",
  content: Object.fromEntries(TIPI_ALLEGATO.map((t) => [t, { schema: { type: 'string', contentMediaType: t } }])),
};
