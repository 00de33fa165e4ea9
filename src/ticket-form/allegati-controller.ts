// The form's attachments: files chosen, pasted or dropped are checked and prepared (src/allegati/), their bytes kept
// where the queue will read them (IndexedDB, else this page), their list in the draft; and their uploads' progress.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { consegnaDellaPagina, type Notifica } from '../delivery/consegna.js';
import { diUnaVoce } from '../delivery/voci.js';
import type { AllegatoBozza } from '../delivery/bozze.js';
import type { Allegato } from '../richiesta.js';
import { MAX_ALLEGATI } from '../richiesta.js';
import { preparaFile, type FileRifiutato } from '../allegati/prepara.js';
import { nomeScreenshot } from '../allegati/nomi.js';

/** Why a file is not in the list: refused when added, one too many, or its bytes gone since (a page-only copy). */
export interface Problema {
  motivo: FileRifiutato['motivo'] | 'troppi' | 'perso';
  nome: string;
}

/** An upload in progress, named for its progress bar. */
export interface CaricamentoMostrato {
  id: string;
  nome: string;
  inviati: number;
  totale: number;
}

/** One upload on its way, for its progress bar. */
export interface Avanzamento {
  richiesta: string;
  inviati: number;
  totale: number;
}

export interface OpzioniAllegati {
  /** The draft's attachments as they are now. */
  elenco: () => AllegatoBozza[];
  /** Stores a new list in the draft, at once. */
  cambia: (elenco: AllegatoBozza[]) => Promise<void>;
}

/** A file from the input or a drop, or a pasted image that needs a name of its own. */
interface Arrivato {
  file: Blob;
  nome: string;
}

/** A file from the input or a drop keeps its own name. */
const daFile = (file: File): Arrivato => ({ file, nome: file.name });

/** A screenshot pasted from the clipboard has no useful name ("image.png"): it is named after the moment. */
const daIncollato = (file: File): Arrivato => ({ file, nome: nomeScreenshot(new Date()) });

/** The attachment as the request names it: without the draft's own marks. */
export const perLaRichiesta = ({ id, nome, tipo, dimensione }: AllegatoBozza): Allegato => ({
  id,
  nome,
  tipo,
  dimensione,
});

export class AllegatiController implements ReactiveController {
  /** What went wrong with the files added last, one entry per file (or one for the count). */
  problemi: Problema[] = [];
  /** Files being read or re-encoded now. */
  inPreparazione = 0;
  /** The uploads of this tab on their way, by attachment id. */
  readonly avanzamenti = new Map<string, Avanzamento>();
  /** The additions in progress, one after another. */
  #lavoro: Promise<void> = Promise.resolve();

  constructor(
    private host: ReactiveControllerHost & HTMLElement,
    private opz: OpzioniAllegati,
  ) {
    host.addController(this);
  }

  // Paste and drop are listened for on the element itself, never on the host's document: the page's other fields keep
  // their own paste, and a file dropped elsewhere on the page is not taken.
  hostConnected(): void {
    this.host.addEventListener('paste', this.#incolla);
    this.host.addEventListener('dragover', this.#sopra);
    this.host.addEventListener('drop', this.#rilascia);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('paste', this.#incolla);
    this.host.removeEventListener('dragover', this.#sopra);
    this.host.removeEventListener('drop', this.#rilascia);
  }

  /** Adds files chosen with the input. */
  scelti(files: FileList | null): Promise<void> {
    return this.aggiungi([...(files ?? [])].map(daFile));
  }

  /** An image pasted into the form (a screenshot) is attached; text pastes go on as usual. */
  #incolla = (e: ClipboardEvent): void => {
    const immagini = [...(e.clipboardData?.files ?? [])].filter((f) => f.type.startsWith('image/'));
    if (!immagini.length) return;
    e.preventDefault();
    void this.aggiungi(immagini.map(daIncollato));
  };

  /** Files dragged over the form may be dropped; anything else (a dragged text) goes on as usual. */
  #sopra = (e: DragEvent): void => {
    if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
  };

  #rilascia = (e: DragEvent): void => {
    const files = [...(e.dataTransfer?.files ?? [])];
    if (!files.length) return;
    e.preventDefault();
    void this.aggiungi(files.map(daFile));
  };

  /**
   * Checks and prepares each file, one after another, and keeps the accepted ones: their bytes first (IndexedDB, else
   * this page), then the draft's list. Past the fifth file the rest are refused, with one message. Additions run one
   * after another (a paste during a drop's re-encoding waits), so the count is always the list's.
   */
  aggiungi(arrivati: Arrivato[]): Promise<void> {
    this.inPreparazione += arrivati.length;
    this.host.requestUpdate();
    const fatto = this.#lavoro.then(() => this.#aggiungiOra(arrivati));
    this.#lavoro = fatto.catch(() => undefined);
    return fatto;
  }

  /** Resolves when every file added so far is in the list (or refused): the form waits for it before sending. */
  pronti(): Promise<void> {
    return this.#lavoro;
  }

  async #aggiungiOra(arrivati: Arrivato[]): Promise<void> {
    const problemi: Problema[] = [];
    try {
      for (const a of arrivati) {
        if (this.opz.elenco().length >= MAX_ALLEGATI) {
          problemi.push({ motivo: 'troppi', nome: a.nome });
          break;
        }
        const pronto = await preparaFile(a.file, a.nome);
        if (pronto.esito === 'rifiutato') {
          problemi.push({ motivo: pronto.motivo, nome: pronto.nome });
          continue;
        }
        const allegato = {
          id: crypto.randomUUID(),
          nome: pronto.nome,
          tipo: pronto.tipo,
          dimensione: pronto.dimensione,
        };
        await consegnaDellaPagina().allegati.metti({ ...allegato, byte: pronto.byte });
        await this.opz.cambia([...this.opz.elenco(), allegato]);
      }
    } finally {
      this.inPreparazione -= arrivati.length;
      this.problemi = problemi;
      this.host.requestUpdate();
    }
  }

  /** Takes a file out of the draft, and its bytes out of the archive. */
  async rimuovi(id: string): Promise<void> {
    this.problemi = [];
    await this.opz.cambia(this.opz.elenco().filter((a) => a.id !== id));
    const deposito = consegnaDellaPagina().allegati;
    await consegnaDellaPagina().archivio.scrivi(...deposito.rimozione([id]));
  }

  /**
   * A draft read back (a reload, a refused request): a file whose bytes are gone (they were in a closed page's memory)
   * leaves the list, and the user is told to attach it again.
   */
  async verifica(): Promise<void> {
    const deposito = consegnaDellaPagina().allegati;
    const elenco = this.opz.elenco();
    const presenti: AllegatoBozza[] = [];
    const persi: Problema[] = [];
    for (const a of elenco) {
      if (await deposito.presente(a.id)) presenti.push(a);
      else persi.push({ motivo: 'perso', nome: a.nome });
    }
    if (!persi.length) return;
    await this.opz.cambia(presenti);
    this.problemi = persi;
    this.host.requestUpdate();
  }

  /** The file the server refused stays in the list, marked with the server's message; the others stay as they are. */
  segnaRifiutato(id: string, messaggio: string): Promise<void> {
    return this.opz.cambia(this.opz.elenco().map((a) => (a.id === id ? { ...a, errore: messaggio } : a)));
  }

  /** The uploads on their way, named after the files `noti` (the draft being sent, the waiting requests'). */
  caricamenti(noti: Allegato[]): CaricamentoMostrato[] {
    const nome = (id: string) => noti.find((a) => a.id === id)?.nome ?? id;
    return [...this.avanzamenti].map(([id, a]) => ({ id, nome: nome(id), inviati: a.inviati, totale: a.totale }));
  }

  /** Whether a file of the draft or of a waiting request lives only in this page. */
  get soloInPagina(): boolean {
    return consegnaDellaPagina().allegati.qualcunoSoloInPagina;
  }

  /** Follows the queue's news: an upload's progress; an outcome ends its request's uploads. */
  segui(n: Notifica): void {
    if (n.tipo === 'avanzamento') {
      this.avanzamenti.set(n.allegato, { richiesta: n.id, inviati: n.inviati, totale: n.totale });
      this.host.requestUpdate();
      return;
    }
    if (!diUnaVoce(n)) return;
    for (const [id, a] of this.avanzamenti) if (a.richiesta === n.id) this.avanzamenti.delete(id);
    this.host.requestUpdate();
  }
}
