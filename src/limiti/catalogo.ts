// What the help desk cannot solve (the seed's "Cosa non possiamo risolvere"): <assistenza-limiti> shows these cases
// and the ticket form matches a request's description against their words.

export type CasoId = 'pagopa' | 'tipologia' | 'modulistica' | 'volture';

/**
 * The words that bring up each case: regular expressions over normalised text (lowercase, no accents, words
 * separated by one space), matched as whole words. Stems list their endings, so "modulo" and "modulistica" match and
 * "modulazione" does not. The words are Italian, the language of the portal's practices.
 */
export const PAROLE: Record<CasoId, string[]> = {
  pagopa: ['pago ?pa', 'bonific[oi]', 'pagament[oi]', 'pag(are|ato|ata|ati|ate|ando)', 'iuv', 'diritti di (segreteria|istruttoria)'],
  tipologia: [
    '(quale|quali|che tipo di|che tipologia di) (pratic(a|he)|titol[oi] edilizi[o]?|document[oi]|allegat[oi]|istanz[ae])',
    '(pratica|tipologia) corretta',
    'corretta (pratica|tipologia)',
    'document[a-z]* alternativ[a-z]*',
    '(devo|dobbiamo|bisogna|occorre|conviene) present[a-z]*',
    '(scia|cila|cil|pdc) o (una |un )?(scia|cila|cil|pdc|permesso)',
  ],
  modulistica: ['modul(o|i|istica|istiche)', 'modell[oi]', 'camp[oi] obbligatori[oe]?', 'obbligatorieta'],
  volture: ['voltur[a-z]*', 'subentr[a-z]*', 'cambio (di |del |dell )?(intestatari[oa]|intestazione|titolarita|titolare)'],
};

export const CASI = Object.keys(PAROLE) as CasoId[];

