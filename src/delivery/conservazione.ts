// What this browser keeps of each user, under which key and for how long: the time limits, the clean-up at each page
// load, and what dimentica() removes at a host's logout. Requests still waiting to be sent are never removed here:
// they are their writer's, and go when the writer is back.
import type { Archivio, Chiave } from './archivio.js';
import { CHIAVE_LEASE } from './lock.js';
import type { VoceCoda } from './voci.js';

export const GIORNO_MS = 86_400_000;
/** A draft, of a request or of a reply, goes this many days after its last change. */
export const GIORNI_BOZZA = 30;
/** The list of requests kept for when the endpoint cannot be reached goes this many days after it was read. */
export const GIORNI_ELENCO = 7;
/** A refused or expired entry, kept for its text to be copied, goes this many days after it stopped. */
export const GIORNI_FERMA = 30;

const BOZZA = 'bozza:';
const BOZZA_RISPOSTA = 'bozza-risposta:';
const ELENCO = 'elenco:';
const LETTE = 'lette:';
const FILTRO = 'filtro:';
export const CODA = 'coda:';
export const ALLEGATO = 'allegato:';

/** A user's draft of a request. */
export const chiaveBozza = (utente: string) => BOZZA + utente;
/** A user's draft reply to one of their requests. */
export const chiaveBozzaRisposta = (utente: string, richiesta: string) => `${BOZZA_RISPOSTA}${utente}:${richiesta}`;
/** The list of a user's requests read last. */
export const chiaveElenco = (utente: string) => ELENCO + utente;
/** Which of the help desk's replies a user has opened. */
export const chiaveLette = (utente: string) => LETTE + utente;
/** Whether a user's list shows the open requests or all of them. */
export const chiaveFiltro = (utente: string) => FILTRO + utente;

/** A draft as the archive holds it: `modificataIl`, its last change; absent in drafts written before it had one. */
export interface Datata {
  modificataIl?: number;
}

/** What a draft of a request or an entry of the queue says about its files. */
interface ConAllegati {
  allegati?: { id: string }[];
}

/** More than `giorni` days since `dal`; a value without a time (written before there were limits) is past it too. */
const oltre = (giorni: number, dal: number | undefined, ora: number) =>
  dal === undefined || ora - dal > giorni * GIORNO_MS;

export const bozzaScaduta = (b: Datata, ora: number) => oltre(GIORNI_BOZZA, b.modificataIl, ora);
export const elencoScaduto = (aggiornatoIl: number, ora: number) => oltre(GIORNI_ELENCO, aggiornatoIl, ora);
/** A refused or expired entry past its 30 days (one stopped before entries had the time counts from its retention's end). */
export const fermaScaduta = (v: VoceCoda, ora: number) =>
  v.stato !== 'in-coda' && oltre(GIORNI_FERMA, v.fermaDal ?? v.scadeIl, ora);

/** What a clean-up removes: archive keys, and attachments (by id: their bytes may be in this page's memory too). */
export interface DaTogliere {
  chiavi: Chiave[];
  allegati: string[];
}

const idAllegati = (x: ConAllegati | undefined) => (x?.allegati ?? []).map((a) => a.id);

/** Each key with `prefisso` and its value, read one by one: for values that do not say their own key. */
async function conValori<T>(archivio: Archivio, prefisso: string): Promise<[Chiave, T | undefined][]> {
  const coppie: [Chiave, T | undefined][] = [];
  for (const k of await archivio.chiavi(prefisso)) coppie.push([k, await archivio.leggi<T>(k)]);
  return coppie;
}

/** A reply's draft: text with its time, or, written before drafts had a time, the bare text. */
type BozzaRispostaSalvata = { testo: string } & Datata;

const rispostaDatata = (v: BozzaRispostaSalvata | string | undefined): Datata => (typeof v === 'object' ? v : {});

/** The attachments of the entries still waiting: no clean-up takes them, whatever else names them. */
function allegatiInCoda(voci: VoceCoda[]): Set<string> {
  const ids = voci
    .filter((v) => v.stato === 'in-coda')
    .flatMap((v) => (v.tipo === 'richiesta' ? idAllegati(v.richiesta) : []));
  return new Set(ids);
}

/** `via` without the waiting entries' files. */
function senzaLaCoda(via: DaTogliere, voci: VoceCoda[]): DaTogliere {
  const tenuti = allegatiInCoda(voci);
  return {
    chiavi: via.chiavi.filter((k) => !(k.startsWith(ALLEGATO) && tenuti.has(k.slice(ALLEGATO.length)))),
    allegati: via.allegati.filter((id) => !tenuti.has(id)),
  };
}

function togliVoce(via: DaTogliere, v: VoceCoda): void {
  via.chiavi.push(CODA + v.id);
  if (v.tipo === 'richiesta') via.allegati.push(...idAllegati(v.richiesta));
}

/** Everything past its time limit, of every user: drafts, reply drafts, kept lists, refused and expired entries. */
export async function scaduti(archivio: Archivio, ora: number): Promise<DaTogliere> {
  const via: DaTogliere = { chiavi: [], allegati: [] };
  for (const [k, b] of await conValori<Datata & ConAllegati>(archivio, BOZZA)) {
    if (b && bozzaScaduta(b, ora)) {
      via.chiavi.push(k);
      via.allegati.push(...idAllegati(b));
    }
  }
  for (const [k, r] of await conValori<BozzaRispostaSalvata | string>(archivio, BOZZA_RISPOSTA)) {
    if (bozzaScaduta(rispostaDatata(r), ora)) via.chiavi.push(k);
  }
  for (const [k, e] of await conValori<{ aggiornatoIl: number }>(archivio, ELENCO)) {
    if (e && elencoScaduto(e.aggiornatoIl, ora)) via.chiavi.push(k);
  }
  const voci = await archivio.elenca<VoceCoda>(CODA);
  for (const v of voci) if (fermaScaduta(v, ora)) togliVoce(via, v);
  return senzaLaCoda(via, voci);
}

/**
 * What dimentica() removes: of `utente`, or of everyone (the anonymous user too) when undefined. Drafts with their
 * files, reply drafts, the kept list, the read marks and the list's filter, the refused and expired entries with their files; for everyone,
 * every other key too (what a closed page left half-way, a later version's), but the lock's. Never a waiting entry or
 * its files.
 */
export async function daDimenticare(archivio: Archivio, utente: string | undefined): Promise<DaTogliere> {
  const via: DaTogliere = { chiavi: [], allegati: [] };
  const voci = await archivio.elenca<VoceCoda>(CODA);
  const diChi = (v: VoceCoda) => utente === undefined || v.utente === utente;
  for (const v of voci) if (v.stato !== 'in-coda' && diChi(v)) togliVoce(via, v);
  if (utente === undefined) {
    // The drafts' files by id as well: this page's memory may hold the only copy.
    for (const [, b] of await conValori<ConAllegati>(archivio, BOZZA)) via.allegati.push(...idAllegati(b));
    const inCoda = new Set(voci.filter((v) => v.stato === 'in-coda').map((v) => CODA + v.id));
    const daTenere = (k: Chiave) => inCoda.has(k) || k === CHIAVE_LEASE;
    via.chiavi.push(...(await archivio.chiavi('')).filter((k) => !daTenere(k)));
    return senzaLaCoda(via, voci);
  }
  via.chiavi.push(chiaveBozza(utente), chiaveElenco(utente), chiaveLette(utente), chiaveFiltro(utente));
  via.allegati.push(...idAllegati(await archivio.leggi<ConAllegati>(chiaveBozza(utente))));
  // The user's reply drafts, by their key's start (a user id with a colon may take a like-named user's with it: more
  // is removed, never less).
  via.chiavi.push(...(await archivio.chiavi(chiaveBozzaRisposta(utente, ''))));
  return senzaLaCoda(via, voci);
}
