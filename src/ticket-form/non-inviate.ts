// The requests that will not be sent any more (past the retention, or refused while the user had a new draft): each
// with why, its text to copy, and a button to remove it.
import { html } from 'lit';
import type { VoceRichiesta } from '../delivery/consegna.js';
import { formatta, type Testi } from '../i18n/index.js';

export interface OpzioniNonInviate {
  t: Testi['modulo'];
  /** The form's retention, in days, for the explanation. */
  giorni: number;
  elimina: (id: string) => void;
}

function perche(v: VoceRichiesta, o: OpzioniNonInviate): string {
  if (v.stato === 'scaduta') return formatta(o.t.scaduta, { giorni: o.giorni });
  return formatta(o.t.respinta, { messaggio: v.messaggio ?? '' });
}

export function richiesteNonInviate(voci: VoceRichiesta[], o: OpzioniNonInviate) {
  return voci.map((v) => {
    const testo = v.richiesta.descrizione;
    return html`<section part="notice" aria-labelledby="ferma-${v.id}">
      <h3 id="ferma-${v.id}">${o.t.nonInviata}</h3>
      <p>${perche(v, o)}</p>
      <textarea readonly aria-labelledby="ferma-${v.id}" .value=${testo}></textarea>
      <button part="button" type="button" @click=${() => navigator.clipboard?.writeText(testo)}>${o.t.copia}</button>
      <button part="button" type="button" @click=${() => o.elimina(v.id)}>${o.t.elimina}</button>
    </section>`;
  });
}
