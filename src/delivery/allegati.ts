// Where an attachment's bytes rest until its request is delivered: IndexedDB when it takes them, else this page's
// memory (a full quota, a private window), where they last only as long as the page does.
import type { Archivio, Scrittura } from './archivio.js';
import { ALLEGATO } from './conservazione.js';
import { carica, type EsitoInvio, type Intestazioni } from './invio.js';
import type { VoceRichiesta } from './voci.js';

/** An attachment as the draft and the queue keep it: the bytes with their name, type and size. */
export interface AllegatoSalvato {
  id: string;
  nome: string;
  tipo: string;
  dimensione: number;
  /** An ArrayBuffer, not a Blob: Blobs in IndexedDB have a history of engine bugs. */
  byte: ArrayBuffer;
}

/** Where one attachment's bytes are: in the archive (every tab and the next page load have them), or this page only. */
export type Conservazione = 'archivio' | 'pagina';

/** What an upload round needs from the queue. */
export interface OpzioniCaricamento {
  intestazioni: Intestazioni | undefined;
  timeoutMs: number;
  /** When the attempt started, for a Retry-After date. */
  ora: number;
  avanzamento: (allegato: string, inviati: number, totale: number) => void;
  /** Stores the entry with one more attachment uploaded. */
  salva: (v: VoceRichiesta) => Promise<void>;
}

/** The outcome of an upload round: the entry as it now stands, and, when one upload did not succeed, why and which. */
export interface EsitoCaricamento {
  voce: VoceRichiesta;
  esito?: EsitoInvio;
  allegato?: string;
}

const lockDellaScheda = (tab: string) => `assistenza-tecnica:scheda:${tab}`;

export class DepositoAllegati {
  #inPagina = new Map<string, AllegatoSalvato>();
  /** Whether this tab holds its Web Lock of the attachments only it has. */
  #viva = false;

  constructor(
    private archivio: Archivio,
    /** This tab, which holds the bytes kept in its memory. */
    private tab: string,
  ) {}

  /** Keeps the bytes: in IndexedDB if it takes them, else in this page. */
  async metti(a: AllegatoSalvato): Promise<Conservazione> {
    if (await this.archivio.provaAScrivere([ALLEGATO + a.id, a])) return 'archivio';
    this.#inPagina.set(a.id, a);
    return 'pagina';
  }

  async prendi(id: string): Promise<AllegatoSalvato | undefined> {
    return this.#inPagina.get(id) ?? (await this.archivio.leggi<AllegatoSalvato>(ALLEGATO + id));
  }

  /** Whether the bytes are still kept (in this page or the archive), without reading them. */
  async presente(id: string): Promise<boolean> {
    return this.#inPagina.has(id) || (await this.archivio.esiste(ALLEGATO + id));
  }

  /** Whether this page holds the only copy. */
  soloInPagina(id: string): boolean {
    return this.#inPagina.has(id);
  }

  /** Whether this page holds the only copy of any attachment (of the draft or of a waiting request). */
  get qualcunoSoloInPagina(): boolean {
    return this.#inPagina.size > 0;
  }

  /** The archive writes that remove these attachments (to go in the transaction that ends their request); the page's copies go at once. */
  rimozione(ids: string[]): Scrittura[] {
    for (const id of ids) this.#inPagina.delete(id);
    return ids.map((id) => [ALLEGATO + id, undefined]);
  }

  /**
   * Uploads the attachments the server does not have yet, one after another, each under its own key: the request goes
   * only when all are stored.
   */
  async caricaMancanti(voce: VoceRichiesta, o: OpzioniCaricamento): Promise<EsitoCaricamento> {
    let v = voce;
    for (const a of v.richiesta.allegati ?? []) {
      if (v.caricati.includes(a.id)) continue;
      const salvato = await this.prendi(a.id);
      if (!salvato) return { voce: v, allegato: a.id, esito: await this.#mancante(v) };
      const esito = await carica(
        {
          id: a.id,
          endpoint: `${v.endpoint.replace(/\/$/, '')}/allegati/${a.id}`,
          credentials: v.credentials,
          nome: a.nome,
          tipo: a.tipo,
          byte: salvato.byte,
          avanzamento: (inviati, totale) => o.avanzamento(a.id, inviati, totale),
        },
        o.intestazioni,
        o.timeoutMs,
        o.ora,
      );
      if (esito.tipo !== 'consegnata') return { voce: v, allegato: a.id, esito };
      v = { ...v, caricati: [...v.caricati, a.id] };
      await o.salva(v);
    }
    return { voce: v };
  }

  /**
   * An attachment whose bytes this tab does not have: another tab's memory holds them while it lives (then it is
   * that tab's to send); once that tab is gone the file is lost, and the request goes back to the draft to attach it
   * again.
   */
  async #mancante(v: VoceRichiesta): Promise<EsitoInvio> {
    if (v.schedaAllegati && (await schedaViva(v.schedaAllegati)))
      return { tipo: 'rinviata', motivo: 'allegati in un’altra scheda' };
    return { tipo: 'respinta', stato: 0, messaggio: 'allegato non più disponibile' };
  }

  /** Holds a Web Lock for this tab's life, so other tabs can tell it still has attachments in its memory; returns the tab. */
  tieniSchedaViva(): string {
    if (!this.#viva && navigator.locks) {
      this.#viva = true;
      void navigator.locks.request(lockDellaScheda(this.tab), () => new Promise<void>(() => {}));
    }
    return this.tab;
  }
}

async function schedaViva(tab: string): Promise<boolean> {
  // Without Web Locks nobody can tell: the tab is taken for alive, and the request waits for its retention.
  if (!navigator.locks) return true;
  const { held = [] } = await navigator.locks.query();
  return held.some((l) => l.name === lockDellaScheda(tab));
}
