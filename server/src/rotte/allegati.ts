// PUT /api/richieste/allegati/<id>: a file's bytes, before the request that names it. Everything that can be checked
// without the bytes (the caller, the id, the key, the name, the declared type, the announced size) is checked before
// the body is read; the content's signature and the dedupe need the bytes. GET: the file back, for its uploader only.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../archivio/database.js';
import { MAX_BYTE_ALLEGATO, TIPI_ALLEGATO, tipoAmmesso, type TipoAllegato } from '../../../src/richiesta.js';
import { caricaAllegato, scaricaPerUtente } from '../servizi/allegati.js';
import { eUuid } from '../servizi/validazione.js';
import { altriMetodi, chiaveDi, identifica, rispondiConAllegato, rispondiErrore } from './comuni.js';
import { nomeDaContentDisposition, tipoDi } from './nome-file.js';
import { BASE_RICHIESTE } from './richieste.js';
import { allegatoCaricatoSchema } from './schemi.js';
import {
  chiave,
  errore,
  idPercorso,
  nonDisponibile,
  ripetuta,
  risposta,
  scaricamento,
  token,
  tokenFacoltativo,
  type Documentazione,
} from './documenta.js';

const MB = MAX_BYTE_ALLEGATO / (1024 * 1024);

/** The short name of an accepted type, for messages: its subtype ("PDF", "JPEG", "PNG"). */
const nomeDelTipo = (tipo: TipoAllegato): string => tipo.split('/')[1].toUpperCase();

/** « name» for messages, when the request gives one. */
function chiamato(req: FastifyRequest): string {
  const nome = nomeDaContentDisposition(req.headers['content-disposition']);
  return nome.esito === 'ok' ? ` «${nome.nome}»` : '';
}

const troppoGrande = (req: FastifyRequest) => `Il file${chiamato(req)} è troppo grande: al massimo ${MB} MB.`;

type Richiesta = FastifyRequest<{ Params: { id: string } }>;

/** The checks that need no bytes, in order; the first that fails is answered. */
async function controlliPrimaDelCorpo(req: Richiesta, reply: FastifyReply) {
  const { id } = req.params;
  if (!eUuid(id)) {
    return rispondiErrore(reply, 400, 'L’identificativo dell’allegato nel percorso deve essere un UUID v4.');
  }
  const chiave = chiaveDi(req);
  if (chiave === undefined) {
    return rispondiErrore(reply, 400, 'Manca l’intestazione Idempotency-Key.');
  }
  if (chiave.toLowerCase() !== id.toLowerCase()) {
    return rispondiErrore(
      reply,
      422,
      'L’intestazione Idempotency-Key deve essere uguale all’identificativo nel percorso.',
    );
  }
  const nome = nomeDaContentDisposition(req.headers['content-disposition']);
  if (nome.esito === 'mancante') {
    return rispondiErrore(
      reply,
      400,
      "Manca il nome del file: Content-Disposition: attachment; filename*=UTF-8''<nome>.",
    );
  }
  if (nome.esito === 'lungo') {
    return rispondiErrore(reply, 422, 'Il nome del file è troppo lungo: al massimo 255 caratteri.');
  }
  if (!tipoAmmesso(tipoDi(req.headers['content-type']))) {
    return rispondiErrore(reply, 415, `Il file «${nome.nome}» non è di un tipo ammesso: solo PNG, JPEG o PDF.`);
  }
  if (Number(req.headers['content-length']) > MAX_BYTE_ALLEGATO) {
    return rispondiErrore(reply, 413, troppoGrande(req), { Connection: 'close' });
  }
}

export function rotteAllegati(app: FastifyInstance, o: { db: Database; chiaveJwt: Uint8Array }): void {
  const url = `${BASE_RICHIESTE}/allegati/:id`;
  // The three accepted types arrive as bytes; any other type was answered 415 before its body was read.
  app.addContentTypeParser(
    [...TIPI_ALLEGATO],
    { parseAs: 'buffer', bodyLimit: MAX_BYTE_ALLEGATO },
    (_req, corpo, fatto) => fatto(null, corpo),
  );
  app.put<{ Params: { id: string } }>(
    url,
    {
      onRequest: [identifica(o.chiaveJwt), controlliPrimaDelCorpo],
      bodyLimit: MAX_BYTE_ALLEGATO,
      config: { troppoGrande },
    },
    async (req, reply) => {
      const nome = nomeDaContentDisposition(req.headers['content-disposition']);
      const tipo = tipoDi(req.headers['content-type']);
      if (nome.esito !== 'ok' || !tipoAmmesso(tipo)) {
        throw new Error('controlli prima del corpo saltati');
      }
      const byte = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const esito = await caricaAllegato(o.db, { id: req.params.id, utente: req.utente, nome: nome.nome, tipo, byte });
      switch (esito.esito) {
        case 'caricato':
          return reply.code(201).send(esito.allegato);
        case 'ripetuto':
          return reply.code(201).header('Idempotent-Replayed', 'true').send(esito.allegato);
        case 'chiave-usata':
          return rispondiErrore(reply, 422, 'Questo identificativo di allegato è già in uso: caricalo con un altro.');
        case 'vuoto':
          return rispondiErrore(reply, 422, `Il file «${nome.nome}» è vuoto.`);
        case 'contenuto-diverso':
          return rispondiErrore(
            reply,
            415,
            `Il file «${nome.nome}» non è un ${nomeDelTipo(tipo)}: il suo contenuto non corrisponde al tipo dichiarato.`,
          );
      }
    },
  );

  // The uploader's own file (the links of their data's export): anyone else, anonymous callers included, is told it
  // does not exist. An anonymous upload is nobody's to download.
  app.get<{ Params: { id: string } }>(url, { onRequest: identifica(o.chiaveJwt) }, async (req, reply) => {
    const a = await scaricaPerUtente(o.db, { allegato: req.params.id, utente: req.utente });
    if (a === undefined) {
      return rispondiErrore(reply, 404, 'Allegato non trovato.');
    }
    return rispondiConAllegato(reply, a);
  });
  altriMetodi(app, url, ['GET', 'PUT']);
}

export const documentazioneAllegati: Documentazione = {
  schemi: { AllegatoCaricato: { schema: allegatoCaricatoSchema } },
  percorsi: {
    [`${BASE_RICHIESTE}/allegati/{id}`]: {
      put: {
        summary: 'A file’s bytes, before the request that names it (anonymous without a token)',
        description:
          'The caller, the id, the key, the name, the declared type and an announced size are checked before the ' +
          'body is read. The content must start with its type’s signature.',
        security: tokenFacoltativo,
        parameters: [
          idPercorso('The file’s id (a UUID v4), also its Idempotency-Key'),
          chiave,
          {
            name: 'Content-Disposition',
            in: 'header',
            required: true,
            description: 'attachment; filename*=UTF-8\'\'<name> (RFC 8187), or filename="…"',
            schema: { type: 'string' },
          },
        ],
        requestBody: {
          required: true,
          content: Object.fromEntries(
            TIPI_ALLEGATO.map((t) => [
              t,
              { schema: { type: 'string', contentMediaType: t, maxLength: MAX_BYTE_ALLEGATO } },
            ]),
          ),
        },
        responses: {
          201: risposta('Stored (or a repeated key: the first answer)', 'AllegatoCaricato', { headers: ripetuta }),
          400: errore('The id is not a UUID v4, no Idempotency-Key, or no file name'),
          401: errore('A token that is not valid'),
          413: errore(`Over ${MB} MB, announced or not`),
          415: errore('Not PNG, JPEG or PDF, or the content is not of the declared type'),
          422: errore('Empty; a name over 255 characters; the key is not the id, or was used for another file'),
          503: nonDisponibile,
        },
      },
      get: {
        summary: 'The caller’s own file, as a download',
        security: token,
        parameters: [idPercorso('The file')],
        responses: {
          200: scaricamento,
          401: errore('A token that is not valid'),
          404: errore('No such file, or not the caller’s (the same answer; without a token too)'),
          503: nonDisponibile,
        },
      },
    },
  },
};
