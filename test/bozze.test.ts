import { fixture, html, expect } from '@open-wc/testing';
import '../src/index.js';
import type { AssistenzaTicketForm } from '../src/index.js';
import { consegnaDellaPagina } from '../src/delivery/consegna.js';
import { RITARDO_AUTOSALVATAGGIO_MS } from '../src/ticket-form/bozza-controller.js';
import { orologioDiSistema } from '../src/orologio.js';
import { nuovoSecchio, pulisciArchivio, campo, scrivi, finche, OrologioFinto, type Secchio } from './helpers.js';

const consegna = consegnaDellaPagina();
const archivio = consegna.archivio;
const attendi = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('drafts of <assistenza-ticket-form>', () => {
  let s: Secchio;
  beforeEach(async () => {
    await pulisciArchivio();
    s = nuovoSecchio();
  });

  const modulo = (utente: string, extra = html``) =>
    fixture<AssistenzaTicketForm>(
      html`<div>
        <assistenza-ticket-form endpoint=${s.endpoint} utente=${utente} cognome="Rossi" nome="Mario"
          >${extra}</assistenza-ticket-form
        >
      </div>`,
    ).then(async (d) => {
      const el = d.querySelector('assistenza-ticket-form')!;
      await el.updateComplete;
      return el;
    });

  it('saves what the user types to IndexedDB once typing pauses for 300 ms, not at every keystroke', async () => {
    const orologio = new OrologioFinto();
    consegna.orologio = orologio;
    try {
      const el = await modulo('u1');
      scrivi(el, 'Descrizione del problema', 'Prima riga');
      await orologio.avanza(299);
      scrivi(el, 'Descrizione del problema', 'Prima riga del problema');
      await orologio.avanza(299);
      // Each keystroke started the wait again: nothing is written yet.
      expect(await archivio.leggi('bozza:u1')).to.be.undefined;
      await orologio.avanza(1);
      await finche(async () => !!(await archivio.leggi('bozza:u1')), 'draft saved 300 ms after the last keystroke');
      // Only what the user touched is kept (the prefilled name keeps following the profile), with the time of the
      // change: the draft goes 30 days after it.
      expect(await archivio.leggi('bozza:u1')).to.deep.equal({
        descrizione: 'Prima riga del problema',
        modificataIl: orologio.adesso,
      });
    } finally {
      consegna.orologio = orologioDiSistema;
    }
  });

  it('restores the draft when the page comes back, and the profile prefill never overwrites it', async () => {
    const el = await modulo('u1');
    scrivi(el, 'Cognome', 'Rossi-Bianchi');
    scrivi(el, 'Descrizione del problema', 'Testo scritto prima del ricaricamento.');
    campo(el, 'Invia la risposta anche via mail').click();
    await finche(
      async () => ((await archivio.leggi<{ descrizione?: string }>('bozza:u1'))?.descrizione ?? '') !== '',
      'saved',
    );
    await attendi(RITARDO_AUTOSALVATAGGIO_MS + 50);
    el.remove();
    const nuovo = await modulo('u1');
    await finche(() => campo(nuovo, 'Descrizione del problema').value !== '', 'restored');
    expect(campo(nuovo, 'Descrizione del problema').value).to.equal('Testo scritto prima del ricaricamento.');
    expect(campo(nuovo, 'Cognome').value).to.equal('Rossi-Bianchi');
    expect(campo(nuovo, 'Nome').value).to.equal('Mario');
    expect(campo(nuovo, 'Invia la risposta anche via mail').checked).to.be.true;
  });

  it('a draft restored from a closing tab: the pending save is flushed when the element goes away', async () => {
    // The debounce never fires by itself here: only the removal can have saved it.
    const orologio = new OrologioFinto();
    consegna.orologio = orologio;
    try {
      const el = await modulo('u2');
      scrivi(el, 'Descrizione del problema', 'Scritto un attimo prima di chiudere.');
      el.remove();
      await finche(async () => !!(await archivio.leggi('bozza:u2')), 'saved on disconnect');
      expect(orologio.scadenze, 'the autosave timer was cancelled').to.have.length(0);
    } finally {
      consegna.orologio = orologioDiSistema;
    }
  });

  it('on a shared computer another user never sees the draft', async () => {
    const el = await modulo('anna');
    scrivi(el, 'Descrizione del problema', 'Testo riservato di Anna.');
    await finche(async () => !!(await archivio.leggi('bozza:anna')), 'saved');
    el.remove();
    const bruno = await modulo('bruno');
    // Bruno's draft was read when the form connected; a read made now comes after it (IndexedDB keeps the order).
    await archivio.leggi('bozza:bruno');
    await bruno.updateComplete;
    expect(campo(bruno, 'Descrizione del problema').value).to.equal('');
    // And when the user changes on a page that stays open, Anna's text leaves the screen.
    scrivi(bruno, 'Descrizione del problema', 'Testo di Bruno.');
    bruno.utente = 'anna';
    await bruno.updateComplete;
    await finche(
      () => campo(bruno, 'Descrizione del problema').value === 'Testo riservato di Anna.',
      'Anna’s own draft',
    );
    await finche(
      async () =>
        ((await archivio.leggi<{ descrizione: string }>('bozza:bruno'))?.descrizione ?? '') === 'Testo di Bruno.',
      'Bruno’s kept',
    );
  });

  it('keys the draft by the email when there is no id', async () => {
    const el = await fixture<AssistenzaTicketForm>(
      html`<assistenza-ticket-form endpoint=${s.endpoint} email="anna@esempio.it"></assistenza-ticket-form>`,
    );
    scrivi(el, 'Descrizione del problema', 'Per email.');
    await finche(async () => !!(await archivio.leggi('bozza:anna@esempio.it')), 'saved under the email');
  });

  it('without any identity, keeps the draft for the browser session only (sessionStorage, not IndexedDB)', async () => {
    const el = await fixture<AssistenzaTicketForm>(
      html`<assistenza-ticket-form endpoint=${s.endpoint}></assistenza-ticket-form>`,
    );
    scrivi(el, 'Descrizione del problema', 'Anonimo.');
    await finche(() => !!sessionStorage.getItem('assistenza-tecnica:bozza'), 'saved in the session');
    expect(await archivio.elenca('bozza:')).to.deep.equal([]);
    el.remove();
    const nuovo = await fixture<AssistenzaTicketForm>(
      html`<assistenza-ticket-form endpoint=${s.endpoint}></assistenza-ticket-form>`,
    );
    await finche(() => campo(nuovo, 'Descrizione del problema').value === 'Anonimo.', 'restored from the session');
  });

  it('submitting moves the text from the draft into the queue', async () => {
    const el = await modulo('u3');
    scrivi(el, 'Descrizione del problema', 'Da inviare.');
    await finche(async () => !!(await archivio.leggi('bozza:u3')), 'saved');
    await s.guasti([{ modo: 'rete' }]);
    el.shadowRoot!.querySelector('form')!.requestSubmit();
    await finche(async () => (await archivio.elenca('coda:')).length === 1, 'queued');
    expect(await archivio.leggi('bozza:u3')).to.be.undefined;
    await attendi(RITARDO_AUTOSALVATAGGIO_MS + 100);
    expect(await archivio.leggi('bozza:u3')).to.be.undefined;
  });
});
