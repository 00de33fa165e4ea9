// What the help desk cannot solve (the seed's "Cosa non possiamo risolvere"): <assistenza-limiti> shows these cases
// and the ticket form matches a request's description against their words.

export type CasoId = 'pagopa' | 'tipologia' | 'modulistica' | 'volture';

/**
 * The words that bring up each case, over normalised text (lowercase, no accents, words separated by one space, a
 * space at both ends): the spaces around make them whole words. Stems list their endings, so "modulo" and
 * "modulistica" match and "modulazione" does not. The words are Italian, the language of the portal's practices.
 */
export const PAROLE: Record<CasoId, RegExp> = {
  pagopa: / (pago ?pa|bonific[oi]|pag(ament[oi]|are|at[aeio]|ando)|iuv|diritti di (segreteria|istruttoria)) /,
  tipologia:
    / ((qual[ei]|che tip(o|ologia) di) (pratic(a|he)|titol[oi] edilizio?|document[oi]|allegat[oi]|istanz[ae])|(pratica|tipologia) corretta|corretta (pratica|tipologia)|document\w* alternativ\w*|(devo|dobbiamo|bisogna|occorre|conviene) present\w*|(scia|cila?|pdc) o (una? )?(scia|cila?|pdc|permesso)) /,
  modulistica: / (modul(i|o|istic(a|he))|modell[oi]|camp[oi] obbligatori[eo]?|obbligatorieta) /,
  volture: / ((voltur|subentr)\w*|cambio (d(i|el|ell) )?(intesta(tari[ao]|zione)|titolar(ita|e))) /,
};

export const CASI = Object.keys(PAROLE) as CasoId[];
