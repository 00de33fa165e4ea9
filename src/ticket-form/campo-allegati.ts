// The attachments field: the file input (the keyboard's way in; paste and drop work on the whole form), the list of
// attached files, their errors, the uploads' progress. Rendering only: the controller owns the files.
import { html, nothing } from 'lit';
import type { AllegatoBozza } from '../delivery/bozze.js';
import { formatta, type Testi } from '../i18n/index.js';
import type { CaricamentoMostrato, Problema } from './allegati-controller.js';

export interface CampoAllegati {
  t: Testi['allegati'];
  elenco: AllegatoBozza[];
  /** What went wrong with the files added last. */
  problemi: Problema[];
  /** Why the request could not go, about its files (set at submit). */
  erroreInvio?: string;
  /** "1,2 MB" in the element's language. */
  dimensione: (byte: number) => string;
  caricamenti: CaricamentoMostrato[];
  inPreparazione: boolean;
  soloInPagina: boolean;
  alCambio: (files: FileList | null) => void;
  rimuovi: (id: string) => void;
}

// The signature decides (src/allegati/firma.ts); `accept` only helps the file picker show the right files.
const ACCETTATI = 'image/png,image/jpeg,application/pdf,.png,.jpg,.jpeg,.pdf';

function scelta(e: Event, alCambio: CampoAllegati['alCambio']) {
  const input = e.target as HTMLInputElement;
  alCambio(input.files);
  // The same file can be chosen again after it was removed.
  input.value = '';
}

function voce(c: CampoAllegati, a: AllegatoBozza) {
  return html`<li class=${a.errore ? 'rifiutato' : ''}>
    <span>${formatta(c.t.voce, { nome: a.nome, dimensione: c.dimensione(a.dimensione) })}</span>
    <button part="button" type="button" @click=${() => c.rimuovi(a.id)}>
      ${formatta(c.t.rimuovi, { nome: a.nome })}
    </button>
  </li>`;
}

function caricamento(c: CampoAllegati, k: CaricamentoMostrato) {
  const nome = formatta(c.t.caricamento, { nome: k.nome });
  return html`<li>
    <span id="caricamento-${k.id}">${nome}</span>
    <progress aria-labelledby="caricamento-${k.id}" max=${k.totale} .value=${k.inviati}></progress>
  </li>`;
}

/** The field's messages, each naming its file: the refused additions, the files the server refused, the submit's. */
function messaggi(c: CampoAllegati): string[] {
  const aggiunte = c.problemi.map((p) => formatta(c.t[p.motivo], { nome: p.nome }));
  const rifiutati = c.elenco
    .filter((a) => a.errore)
    .map((a) => formatta(c.t.rifiutato, { nome: a.nome, messaggio: a.errore ?? '' }));
  return [...aggiunte, ...rifiutati, ...(c.erroreInvio ? [c.erroreInvio] : [])];
}

export function campoAllegati(c: CampoAllegati) {
  const errori = messaggi(c);
  const errore = errori.length > 0;
  return html`<div part="field" class="campo allegati">
    <label part="label" for="campo-allegati">${c.t.etichetta}</label>
    <p part="hint" id="aiuto-allegati">${c.t.aiuto}</p>
    <input
      part="input"
      id="campo-allegati"
      type="file"
      multiple
      accept=${ACCETTATI}
      aria-invalid=${errore}
      aria-describedby=${errore ? 'aiuto-allegati errore-allegati' : 'aiuto-allegati'}
      @change=${(e: Event) => scelta(e, c.alCambio)}
    />
    <!-- One paragraph per message, a space between them: the description read out does not run them together. -->
    ${errore ? html`<div part="error" id="errore-allegati">${errori.map((m) => html`<p>${m}</p> `)}</div>` : nothing}
    ${
      c.elenco.length
        ? html`<ul aria-label=${c.t.elenco}>
            ${c.elenco.map((a) => voce(c, a))}
          </ul>`
        : nothing
    }
    ${c.inPreparazione ? html`<p part="hint">${c.t.preparazione}</p>` : nothing}
    ${
      c.caricamenti.length
        ? html`<ul class="caricamenti">
            ${c.caricamenti.map((k) => caricamento(c, k))}
          </ul>`
        : nothing
    }
    ${c.soloInPagina ? html`<p part="notice">${c.t.soloPagina}</p>` : nothing}
  </div>`;
}
