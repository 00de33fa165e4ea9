// The form's field templates: a labelled input, the description with its counter, the checkbox. Rendering only: the
// element owns the values, the errors and what a keystroke does.
import { html, nothing } from 'lit';

interface Campo {
  /** The field's name: its ids are campo-<nome>, aiuto-<nome>, errore-<nome>. */
  nome: string;
  etichetta: string;
  valore: string;
  /** The field's error message, shown under it and tied to it. */
  errore?: string;
  obbligatorio?: boolean;
  /** Advice under the label, tied to the field. */
  aiuto?: string;
  /** The user typed: the whole new value. */
  alCambio: (valore: string) => void;
}

export interface CampoDiTesto extends Campo {
  tipo: 'text' | 'email' | 'tel';
  autocomplete: string;
}

export interface CampoDescrizione extends Campo {
  /** The counter's text ("12 caratteri su 4000"). */
  contatore: string;
  /** Past the limit: the counter says it in the error colour. */
  oltre: boolean;
}

/** The ids aria-describedby lists, the ones that exist, in order. */
const descrittoDa = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || nothing;

const valoreDi = (e: Event) => (e.target as HTMLInputElement | HTMLTextAreaElement).value;

function etichetta(c: Campo) {
  const asterisco = c.obbligatorio ? html`<span aria-hidden="true">*</span>` : nothing;
  return html`<label part="label" for="campo-${c.nome}">${c.etichetta}</label>${asterisco}
    ${c.aiuto ? html`<p part="hint" id="aiuto-${c.nome}">${c.aiuto}</p>` : nothing}`;
}

const errore = (c: Campo) => (c.errore ? html`<p part="error" id="errore-${c.nome}">${c.errore}</p>` : nothing);

export function campoDiTesto(c: CampoDiTesto) {
  return html`<div part="field" class="campo">
    ${etichetta(c)}
    <input
      part="input"
      id="campo-${c.nome}"
      type=${c.tipo}
      autocomplete=${c.autocomplete}
      ?required=${c.obbligatorio}
      aria-invalid=${!!c.errore}
      aria-describedby=${descrittoDa(c.aiuto && `aiuto-${c.nome}`, c.errore && `errore-${c.nome}`)}
      .value=${c.valore}
      @input=${(e: Event) => c.alCambio(valoreDi(e))}
    />
    ${errore(c)}
  </div>`;
}

export function campoDescrizione(c: CampoDescrizione) {
  return html`<div part="field" class="campo">
    ${etichetta(c)}
    <textarea
      part="input"
      id="campo-${c.nome}"
      rows="8"
      ?required=${c.obbligatorio}
      aria-invalid=${!!c.errore}
      aria-describedby=${descrittoDa(c.aiuto && `aiuto-${c.nome}`, `contatore-${c.nome}`, c.errore && `errore-${c.nome}`)}
      .value=${c.valore}
      @input=${(e: Event) => c.alCambio(valoreDi(e))}
    ></textarea>
    <p part="counter" id="contatore-${c.nome}" class=${c.oltre ? 'oltre' : ''}>${c.contatore}</p>
    ${errore(c)}
  </div>`;
}

export function casella(c: {
  nome: string;
  etichetta: string;
  selezionata: boolean;
  alCambio: (selezionata: boolean) => void;
}) {
  return html`<div part="field" class="campo">
    <input
      part="checkbox"
      type="checkbox"
      id="campo-${c.nome}"
      .checked=${c.selezionata}
      @change=${(e: Event) => c.alCambio((e.target as HTMLInputElement).checked)}
    />
    <label part="label" for="campo-${c.nome}">${c.etichetta}</label>
  </div>`;
}
