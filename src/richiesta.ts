// The request payload: one zod schema shared by the form, the demo endpoint and any Node backend.
import * as z from 'zod/mini';
import { errori as e } from './i18n/it.js';

/** Longest description accepted, in characters. */
export const MAX_DESCRIZIONE = 4000;
/** Longest name or surname, and longest practice type or number, in characters. */
export const MAX_NOME = 100;
export const MAX_PRATICA = 100;

// Any script's letters, apostrophes and spaces are welcome (D'Angelo, Zoë, Nguyễn); control characters are not.
const conLettera = /\p{L}/u;
const senzaControllo = /^[^\p{Cc}]*$/u;
// Digits with the separators people type (+39 347 123.45.67, 0521/123456), 6 to 15 digits in all.
const telefonoAmmesso = /^\+?[\d\s.\-/()]+$/;
const cifre = (s: string) => s.replace(/\D/g, '').length;
const uuid4 = /^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/i;
// ISO-8601 date and time with seconds and a zone (Z or ±hh:mm), as Date.prototype.toISOString writes it.
const istante = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/;
// Something@domain.tld, without spaces: the server sends the mail, so a plausible address is all a form can check.
const email = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

// A description may span lines; nothing else invisible is accepted.
const senzaControlloSalvoRighe = /^(?:[\t\n\r]|[^\p{Cc}])*$/u;

// Every rule is one z.refine on the trimmed text: zod/mini's length and regex checks would each bring their own
// classes into the bundle, where the size budget is tight. Rules run in order; the form shows the first failing one.
const se = (f: (s: string) => boolean, messaggio: string) => z.refine<string>(f, messaggio);
const lunghezza = (max: number, messaggio: string) => se((s) => s.length <= max, messaggio);

const testo = (max: number, vuoto: string, lungo: string, ammessi: RegExp) =>
  z.string().check(
    z.trim(),
    se((s) => s !== '' && ammessi.test(s), vuoto),
    lunghezza(max, lungo),
  );

const nome = (vuoto: string, lungo: string) =>
  testo(MAX_NOME, vuoto, lungo, senzaControllo).check(se((s) => conLettera.test(s), vuoto));

const facoltativo = (max: number, lungo: string) =>
  z.optional(
    z.string().check(
      z.trim(),
      se((s) => senzaControllo.test(s), lungo),
      lunghezza(max, lungo),
    ),
  );

/** The types an attachment may have, the largest one (10 MB) and how many a request may carry. */
export const TIPI_ALLEGATO = ['image/png', 'image/jpeg', 'application/pdf'] as const;
export type TipoAllegato = (typeof TIPI_ALLEGATO)[number];
/** Whether a media type is one of the accepted ones. */
export const tipoAmmesso = (tipo: string): tipo is TipoAllegato => (TIPI_ALLEGATO as readonly string[]).includes(tipo);
export const MAX_BYTE_ALLEGATO = 10 * 1024 * 1024;
export const MAX_ALLEGATI = 5;

// A file's own name: no folders (no / or \), nothing invisible, at most 255 characters.
const nomeFile = /^[^\p{Cc}/\\]{1,255}$/u;

/** An attachment the request names, uploaded before with PUT <endpoint>/allegati/<id>. */
const dimensioneAmmessa = (n: unknown): n is number =>
  Number.isInteger(n) && (n as number) > 0 && (n as number) <= MAX_BYTE_ALLEGATO;

export const allegatoSchema = z.strictObject({
  id: z.string().check(se((s) => uuid4.test(s), e.nonValido)),
  nome: z.string().check(se((s) => nomeFile.test(s), 'Nome del file non valido.')),
  tipo: z.string().check(se(tipoAmmesso, 'Sono ammessi solo file PNG, JPEG o PDF.')),
  // A refined custom type rather than z.number: one schema class fewer in the browser's bundle.
  dimensione: z.custom<number>(dimensioneAmmessa, 'Ogni allegato può pesare al massimo 10 MB.'),
});

export const richiestaSchema = z
  .strictObject({
    id: z.string().check(se((s) => uuid4.test(s), e.nonValido)),
    cognome: nome(e.cognome, e.lungo),
    nome: nome(e.nome, e.lungo),
    email: z.optional(
      z.string().check(
        z.trim(),
        se((s) => s.length <= 254 && email.test(s), e.email),
      ),
    ),
    telefono: z.optional(
      z.string().check(
        z.trim(),
        se((s) => telefonoAmmesso.test(s) && cifre(s) >= 6 && cifre(s) <= 15, e.telefono),
      ),
    ),
    rispostaViaEmail: z.boolean(e.nonValido),
    descrizione: testo(MAX_DESCRIZIONE, e.descrizione, e.descrizioneLunga, senzaControlloSalvoRighe),
    pratica: z.optional(
      z.strictObject({
        tipologia: facoltativo(MAX_PRATICA, e.lungo),
        numero: facoltativo(MAX_PRATICA, e.lungo),
      }),
    ),
    creataIl: z.string().check(se((s) => istante.test(s) && !Number.isNaN(Date.parse(s)), e.nonValido)),
    allegati: z.optional(
      z.array(allegatoSchema).check(z.refine((a) => a.length <= MAX_ALLEGATI, 'Al massimo 5 allegati.')),
    ),
  })
  .check(
    // The email is optional, but not when the answer is to be sent by mail.
    z.refine((r) => !r.rispostaViaEmail || !!r.email, { error: e.emailPerRisposta, path: ['email'] }),
  );

/** An attachment as a request names it. */
export type Allegato = z.output<typeof allegatoSchema>;
/** A request as the endpoint receives it. */
export type Richiesta = z.output<typeof richiestaSchema>;
/** What a caller may pass before trimming. */
export type RichiestaInput = z.input<typeof richiestaSchema>;
