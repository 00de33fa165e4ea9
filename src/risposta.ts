// The user's reply in the thread of one of their requests (POST <endpoint>/<id>/messaggi): the schema the browser and
// the endpoint share. Only zod/mini here: it also runs in Node, and its messages are Italian inline.
import * as z from 'zod/mini';

/** Longest reply accepted, in characters (as the request's description). */
export const MAX_TESTO_RISPOSTA = 4000;

// The same formats as the request's schema (src/richiesta.ts): a UUID v4 and an ISO-8601 instant with its zone.
const uuid4 = /^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/i;
const istante = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/;
// A reply may span lines; any other invisible character (a tab, a NUL) is refused.
const soloRigheInvisibili = /^(?:[\n\r]|[^\p{Cc}])*$/u;

const se = (f: (s: string) => boolean, messaggio: string) => z.refine<string>(f, messaggio);
const nonVuoto = (s: string) => s !== '';
const entroIlMassimo = (s: string) => s.length <= MAX_TESTO_RISPOSTA;
const senzaControllo = (s: string) => soloRigheInvisibili.test(s);
const uuidValido = (s: string) => uuid4.test(s);
const istanteValido = (s: string) => istante.test(s) && !Number.isNaN(Date.parse(s));

/** The text of a reply, trimmed: the user's and the help desk's alike. */
export const testoRispostaSchema = z
  .string()
  .check(
    z.trim(),
    se(nonVuoto, 'Scrivi il testo della risposta.'),
    se(entroIlMassimo, `La risposta può essere lunga al massimo ${MAX_TESTO_RISPOSTA} caratteri.`),
    se(senzaControllo, 'La risposta contiene caratteri non ammessi.'),
  );

/** The body of the user's reply: its own UUID (also its Idempotency-Key), the text, when it was written. */
export const rispostaSchema = z.strictObject({
  id: z.string().check(se(uuidValido, 'L’identificativo della risposta non è valido.')),
  testo: testoRispostaSchema,
  inviatoIl: z.string().check(se(istanteValido, 'La data di invio della risposta non è valida.')),
});

/** A reply as the endpoint receives it. */
export type Risposta = z.output<typeof rispostaSchema>;
