// What the server says when a body does not fit the widget's schemas: one Italian message per field, in the shape
// every 422 has ({ messaggio, errori: [{ campo, messaggio }] }).
import type { core, ZodMiniType } from 'zod/mini';

const TIPI: Record<string, string> = {
  string: 'un testo',
  boolean: 'vero o falso',
  object: 'un oggetto',
  number: 'un numero',
  array: 'un elenco',
};

/** Italian for what the schemas themselves do not word: a missing field, a wrong type, unknown fields. */
export function erroreItaliano(i: core.$ZodRawIssue): string | undefined {
  const campo = i.path?.length ? `«${i.path.join('.')}»` : '';
  if (i.code === 'unrecognized_keys') {
    const dove = campo ? ` in ${campo}` : '';
    return `Campi non previsti${dove}: ${i.keys.join(', ')}.`;
  }
  if (i.code === 'invalid_type') {
    if (!campo) {
      return 'Il corpo della richiesta deve essere un oggetto JSON.';
    }
    if (i.input === undefined) {
      return `Manca il campo obbligatorio ${campo}.`;
    }
    return `Il campo ${campo} deve essere ${TIPI[i.expected] ?? i.expected}.`;
  }
  if (campo) {
    return `Valore non valido nel campo ${campo}.`;
  }
  return undefined;
}

export interface ErroreCampo {
  campo: string;
  messaggio: string;
}

/** One message per field, the first: a value can fail several checks that all say the same thing. */
export function erroriPerCampo(issues: readonly core.$ZodIssue[]): ErroreCampo[] {
  const perCampo = new Map<string, string>();
  for (const i of issues) {
    const campo = i.path.join('.');
    if (!perCampo.has(campo)) {
      perCampo.set(campo, i.message);
    }
  }
  return [...perCampo].map(([campo, messaggio]) => ({ campo, messaggio }));
}

/** A body checked with a schema: its data, or every field's message. */
export type Verifica<T> = { esito: 'valido'; dati: T } | { esito: 'non-valido'; errori: ErroreCampo[] };

export function verifica<T>(schema: ZodMiniType<T>, corpo: unknown): Verifica<T> {
  const r = schema.safeParse(corpo, { error: erroreItaliano });
  if (r.success) {
    return { esito: 'valido', dati: r.data };
  }
  return { esito: 'non-valido', errori: erroriPerCampo(r.error.issues) };
}

const uuid4 = /^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/i;
/** A UUID version 4: the ids clients give requests, replies and files. */
export const eUuid = (s: string): boolean => uuid4.test(s);
/**
 * A UUID as the database gives it back, in small letters: a client may write one in capitals, and the first answer,
 * its repeats and the comparisons with stored ids must all see the same id.
 */
export const uuidCanonico = (s: string): string => s.toLowerCase();
