// The answers' shapes as zod schemas, beside the widget's schemas of what it sends: the OpenAPI document is generated
// from both, and the tests check real answers against it.
import * as z from 'zod/mini';
import { STATI_RICHIESTA } from '../../../src/elenco.js';
import { TIPI_ALLEGATO } from '../../../src/richiesta.js';

export const statoSchema = z.enum(STATI_RICHIESTA);

export const erroreSchema = z.object({ messaggio: z.string() });

export const erroreValidazioneSchema = z.object({
  messaggio: z.string(),
  errori: z.array(z.object({ campo: z.string(), messaggio: z.string() })),
  /** 422 of a request that names attachments it may not: their ids. */
  allegati: z.optional(z.array(z.string())),
});

export const richiestaCreataSchema = z.object({ id: z.string(), numero: z.number() });

export const rispostaCreataSchema = z.object({ id: z.string(), stato: statoSchema });

export const allegatoCaricatoSchema = z.object({
  id: z.string(),
  nome: z.string(),
  tipo: z.enum(TIPI_ALLEGATO),
  dimensione: z.number(),
});

export const saluteSchema = z.object({ stato: z.enum(['ok', 'non-disponibile']), messaggio: z.optional(z.string()) });

const messaggioSportelloSchema = z.object({
  id: z.string(),
  autore: z.enum(['utente', 'assistenza']),
  testo: z.string(),
  inviatoIl: z.string(),
  ricevutoIl: z.string(),
  inviataViaMailA: z.optional(z.string()),
  operatore: z.optional(z.string()),
});

const statoPostaSchema = z.enum(['da-inviare', 'inviata', 'fallita']);

/** A mail of a request's outbox, as the console shows it (with "Invia di nuovo" when `fallita`). */
const mailSportelloSchema = z.object({
  id: z.string(),
  /** The help desk's message the mail carries. */
  messaggio: z.string(),
  destinatario: z.string(),
  oggetto: z.string(),
  messageId: z.string(),
  /** `da-inviare` (waiting, or being tried again), `inviata`, `fallita` (a 5xx, or 48 hours of failures). */
  stato: statoPostaSchema,
  scrittaIl: z.string(),
  tentativi: z.number(),
  /** While `da-inviare`: when the next attempt is due. */
  prossimoTentativoIl: z.optional(z.string()),
  inviataIl: z.optional(z.string()),
  /** The last failure's reason: final when `fallita`, the last attempt's while retrying. */
  motivo: z.optional(z.string()),
  /** The path of its "Invia di nuovo" (POST). */
  reinvio: z.string(),
});

/** A request as it was sent, with its numero, state and times: the help desk's view and a person's export share it. */
const campiRichiesta = {
  id: z.string(),
  numero: z.number(),
  stato: statoSchema,
  cognome: z.string(),
  nome: z.string(),
  email: z.optional(z.string()),
  telefono: z.optional(z.string()),
  rispostaViaEmail: z.boolean(),
  descrizione: z.string(),
  pratica: z.optional(z.object({ tipologia: z.optional(z.string()), numero: z.optional(z.string()) })),
  creataIl: z.string(),
  ricevutaIl: z.string(),
  aggiornataIl: z.string(),
};

export const richiestaSportelloSchema = z.object({
  ...campiRichiesta,
  utente: z.nullable(z.string()),
  messaggi: z.array(messaggioSportelloSchema),
  allegati: z.array(
    z.object({ id: z.string(), nome: z.string(), tipo: z.string(), dimensione: z.number(), indirizzo: z.string() }),
  ),
  /** When an administrator anonymised it: names, contacts, texts and files gone. */
  anonimizzataIl: z.optional(z.string()),
  /**
   * `non-richiesto`: it did not ask for the answer by mail; `attivo`: its mails leave; `non-configurato`: it asked,
   * but the server has no ASSISTENZA_SMTP_URL, so no mail leaves (the console says so).
   */
  invioPosta: z.enum(['attivo', 'non-configurato', 'non-richiesto']),
  /** The mails written for it, oldest first. */
  posta: z.array(mailSportelloSchema),
});

/** "Invia di nuovo" accepted: the mail is due again, with the Message-ID it had. */
export const postaRimessaInCodaSchema = z.object({
  id: z.string(),
  stato: z.literal('da-inviare'),
  messageId: z.string(),
});

const conteggiSchema = z.object({
  ricevuta: z.number(),
  'in-lavorazione': z.number(),
  'attesa-utente': z.number(),
  risolta: z.number(),
  chiusa: z.number(),
});

/** The queue: open requests first, the one waiting longest for the help desk at the top. */
export const codaSportelloSchema = z.object({
  richieste: z.array(
    z.object({
      id: z.string(),
      numero: z.number(),
      stato: statoSchema,
      utente: z.nullable(z.string()),
      cognome: z.string(),
      nome: z.string(),
      email: z.optional(z.string()),
      pratica: z.optional(z.object({ tipologia: z.optional(z.string()), numero: z.optional(z.string()) })),
      anteprima: z.string(),
      ricevutaIl: z.string(),
      aggiornataIl: z.string(),
      inAttesaDal: z.optional(z.string()),
      nuovaRispostaUtente: z.boolean(),
      messaggi: z.number(),
      allegati: z.number(),
      anonimizzataIl: z.optional(z.string()),
    }),
  ),
  totale: z.number(),
  conteggi: conteggiSchema,
});

export const operatoreSchema = z.object({
  utente: z.string(),
  nome: z.string(),
  ruolo: z.enum(['operatore', 'amministratore']),
});

export const elencoOperatoriSchema = z.object({
  operatori: z.array(z.object({ ...operatoreSchema.shape, creatoIl: z.string() })),
});

export const registroSchema = z.object({
  voci: z.array(
    z.object({
      id: z.number(),
      il: z.string(),
      operatore: z.nullable(z.string()),
      azione: z.string(),
      richiesta: z.nullable(z.string()),
      numero: z.nullable(z.number()),
      dettagli: z.record(z.string(), z.unknown()),
    }),
  ),
});

export const rispostaSportelloCreataSchema = z.object({
  id: z.string(),
  stato: statoSchema,
  inviataViaMailA: z.optional(z.string()),
});

/** One figure of the response times: the share of the window's requests (0 to 100, one decimal) within `minuti`. */
const tempoSchema = z.object({
  minuti: z.int().check(z.positive()),
  percentuale: z.number().check(z.gte(0), z.lte(100)),
});

/** GET /api/tempi-risposta: the shape the widget's `dati` takes, with the sample's size. */
export const tempiRispostaSchema = z.object({
  aggiornati: z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/)),
  richieste: z.int().check(z.positive()),
  entro: z.array(tempoSchema),
  oltre: tempoSchema,
});

/** GET /api/sportello/tempi-risposta: the help desk's view of the response times. */
export const tempiSportelloSchema = z.object({
  aggiornati: tempiRispostaSchema.shape.aggiornati,
  minimo: z.int().check(z.positive()),
  mesi: z.array(
    z.object({
      mese: tempiRispostaSchema.shape.aggiornati,
      richieste: z.int().check(z.nonnegative()),
      entro: z.array(tempoSchema),
      oltre: tempoSchema,
      medianaPrimaRispostaMinuti: z.nullable(z.number().check(z.gte(0))),
    }),
  ),
  medianaPrimaRispostaMinuti: z.nullable(z.number().check(z.gte(0))),
  inAttesa: z.array(
    z.object({
      id: z.string(),
      numero: z.number(),
      stato: statoSchema,
      cognome: z.string(),
      nome: z.string(),
      inAttesaDal: z.string(),
    }),
  ),
});

/** The users an administrator's search found. */
export const utentiTrovatiSchema = z.object({
  utenti: z.array(
    z.object({
      utente: z.string(),
      nomi: z.array(z.string()),
      email: z.array(z.string()),
      richieste: z.number(),
      allegatiNonUsati: z.number(),
      ultimaIl: z.optional(z.string()),
    }),
  ),
  totale: z.number(),
});

const allegatoEsportatoSchema = z.object({
  id: z.string(),
  nome: z.string(),
  tipo: z.string(),
  dimensione: z.number(),
  caricatoIl: z.string(),
  indirizzo: z.string(),
});

/** Everything the server holds about one user (a person's data). */
export const esportazioneUtenteSchema = z.object({
  utente: z.string(),
  esportataIl: z.string(),
  richieste: z.array(
    z.object({
      ...campiRichiesta,
      risoltaIl: z.optional(z.string()),
      conclusaDal: z.optional(z.string()),
      // The operator's name is the operator's data, not the user's.
      messaggi: z.array(z.omit(messaggioSportelloSchema, { operatore: true })),
      allegati: z.array(allegatoEsportatoSchema),
      posta: z.array(
        z.object({
          id: z.string(),
          messaggio: z.string(),
          destinatario: z.string(),
          oggetto: z.string(),
          testo: z.string(),
          scrittaIl: z.string(),
          messageId: z.string(),
          stato: statoPostaSchema,
          inviataIl: z.optional(z.string()),
          motivo: z.optional(z.string()),
        }),
      ),
      /** The user's mails received back into the request: each became the message `messaggio` of the thread. */
      postaRicevuta: z.array(z.object({ messageId: z.string(), messaggio: z.string(), ricevutaIl: z.string() })),
    }),
  ),
  allegatiNonUsati: z.array(allegatoEsportatoSchema),
});

/** What an erasure or an anonymisation did. */
export const datiRimossiSchema = z.object({
  richieste: z.number(),
  messaggi: z.number(),
  allegati: z.number(),
  posta: z.number(),
});
