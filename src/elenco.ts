// The list of the user's own requests (GET <endpoint>), as the browser checks it before showing it. Only zod/mini:
// liberal where a newer backend may add things (extra fields are dropped, an unknown state is kept as it comes), strict
// on what the page relies on (ids, numero, dates, the thread's shape).
import * as z from 'zod/mini';

export { STATI_RICHIESTA, type StatoRichiesta } from './stati.js';

// An ISO-8601 instant with its zone, as Date.prototype.toISOString writes it (the same format as src/richiesta.ts).
const istante = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/;
const senzaControllo = /^[^\p{Cc}]*$/u;

const se = <T>(f: (v: T) => boolean, messaggio: string) => z.refine<T>(f, messaggio);
const identificativoValido = (s: string) => s.length > 0 && s.length <= 200 && senzaControllo.test(s);
const istanteValido = (s: string) => istante.test(s) && !Number.isNaN(Date.parse(s));
const numeroPositivo = (n: number) => Number.isInteger(n) && n > 0;
const dimensioneValida = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;
const nonVuoto = (s: string) => s.trim() !== '';

const identificativo = z.string().check(se(identificativoValido, 'Identificativo non valido.'));
const data = z.string().check(se(istanteValido, 'Data non valida.'));

// Refinements of plain types rather than z.enum and z.union: each of those brings its own classes into the browser's
// bundle, where the size budget is tight.
const autoreValido = (v: unknown): v is 'utente' | 'assistenza' => v === 'utente' || v === 'assistenza';
const numeroValido = (v: unknown): v is number | string =>
  (typeof v === 'number' && numeroPositivo(v)) || (typeof v === 'string' && nonVuoto(v));

const messaggioSchema = z.object({
  id: identificativo,
  autore: z.custom<'utente' | 'assistenza'>(autoreValido, 'Autore non valido.'),
  testo: z.string(),
  inviatoIl: data,
});

const allegatoElencoSchema = z.object({
  id: identificativo,
  nome: z.string().check(se(nonVuoto, 'Nome del file mancante.')),
  tipo: z.string(),
  dimensione: z.custom<number>(dimensioneValida, 'Dimensione non valida.'),
});

/** One request of the list: the request, its state and its thread (the messages after the request, oldest first). */
export const richiestaUtenteSchema = z.object({
  id: identificativo,
  // A positive integer in this endpoint; a backend with its own numbering ("2026/000123") sends a string.
  numero: z.custom<number | string>(numeroValido, 'Numero non valido.'),
  stato: z.string().check(se(nonVuoto, 'Stato mancante.')),
  creataIl: data,
  aggiornataIl: data,
  descrizione: z.string(),
  pratica: z.optional(z.object({ tipologia: z.optional(z.string()), numero: z.optional(z.string()) })),
  rispostaViaEmail: z.optional(z.boolean()),
  messaggi: z.array(messaggioSchema),
  allegati: z.optional(z.array(allegatoElencoSchema)),
});

/** The body of the list: the items are checked one by one with richiestaUtenteSchema, and a bad one is left out. */
export const elencoRichiesteSchema = z.object({ richieste: z.array(z.unknown()) });

/** A request of the user's list, as the browser shows it. */
export type RichiestaUtente = z.output<typeof richiestaUtenteSchema>;
/** One message of a request's thread. */
export type MessaggioRichiesta = RichiestaUtente['messaggi'][number];
