// An IndexedDB that does not answer: the widget waits a few seconds at most, then works as without IndexedDB.
import { expect } from '@open-wc/testing';
import { createStore, keys } from 'idb-keyval';
import { ATTESA_MASSIMA_IDB_MS } from '../src/delivery/archivio.js';
import {
  nuovoSecchio,
  pulisciArchivio,
  scrivi,
  pulsante,
  finche,
  apriScheda,
  type Secchio,
  type Scheda,
} from './helpers.js';

const NOME_DB = 'assistenza-tecnica';

/**
 * Holds a readwrite transaction on the widget's store open, one request after another, until stopped: every other
 * transaction on that store waits behind it, as behind a transaction that never settles.
 */
async function occupaLoStore(): Promise<() => Promise<void>> {
  const db = await new Promise<IDBDatabase>((ok, ko) => {
    const r = indexedDB.open(NOME_DB);
    r.onupgradeneeded = () => r.result.createObjectStore('archivio');
    r.onsuccess = () => ok(r.result);
    r.onerror = () => ko(r.error);
  });
  const tx = db.transaction('archivio', 'readwrite');
  const store = tx.objectStore('archivio');
  let occupato = true;
  const ancora = () => {
    if (occupato) store.get('occupato').onsuccess = ancora;
  };
  ancora();
  const finita = new Promise((r) => {
    tx.oncomplete = r;
    tx.onabort = r;
  });
  return async () => {
    occupato = false;
    await finita;
    db.close();
  };
}

const testoDi = (s: Scheda) => (s.el.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ');

async function inviaDa(s: Scheda, descrizione: string) {
  scrivi(s.el, 'Cognome', 'Rossi');
  scrivi(s.el, 'Nome', 'Mario');
  scrivi(s.el, 'Descrizione del problema', descrizione);
  await s.el.updateComplete;
  pulsante(s.el, 'Invia richiesta').click();
}

describe('an IndexedDB that does not answer', () => {
  let s: Secchio;
  const schede: Scheda[] = [];
  beforeEach(async () => {
    await pulisciArchivio();
    s = nuovoSecchio();
  });
  afterEach(() => schede.splice(0).forEach((x) => x.chiudi()));

  it('an open that never answers: the form says drafts cannot be kept, delivers online and throws nothing; the next load uses IndexedDB again', async () => {
    const a = await apriScheda({ endpoint: s.endpoint, utente: 'u1', idb: 'appeso' });
    schede.push(a);
    const t0 = performance.now();
    await finche(
      () => testoDi(a).includes('non conserva le bozze'),
      'the notice that drafts cannot be kept',
      ATTESA_MASSIMA_IDB_MS + 5000,
    ).catch((e: Error) => {
      const w = a.win as unknown as { degradatoDopoMs?: number; timerDopoMs?: number; apertoFinto?: boolean };
      const archivio = `archive persistent: ${a.win.consegna.archivio.persistente}, IndexedDB given up after ${w.degradatoDopoMs ?? '-'} ms`;
      const pagina = `a 3 s timer fired after ${w.timerDopoMs ?? '-'} ms, simulated open: ${w.apertoFinto}, page ${a.win.document.visibilityState}`;
      const stato = `${archivio}; ${pagina}`;
      throw new Error(`${e.message} (${stato}; waited ${Math.round(performance.now() - t0)} ms)`);
    });
    expect(a.win.consegna.archivio.persistente).to.be.false;
    await inviaDa(a, 'Inviata senza IndexedDB.');
    await finche(
      () => a.win.eventi.some((e) => e.tipo === 'assistenza-inviata'),
      'delivered',
      ATTESA_MASSIMA_IDB_MS + 5000,
    );
    expect((await s.registro()).ricevute.map((r) => r.richiesta.descrizione)).to.deep.equal([
      'Inviata senza IndexedDB.',
    ]);
    expect(a.win.errori).to.deep.equal([]);

    const b = await apriScheda({ endpoint: s.endpoint, utente: 'u1' });
    schede.push(b);
    await b.win.consegna.archivio.leggi('prova');
    expect(b.win.consegna.archivio.persistente, 'a later page load tries IndexedDB again').to.be.true;
    expect(testoDi(b)).not.to.contain('non conserva le bozze');
  });

  it('a transaction that never settles: the same, and the abandoned writes never land later', async () => {
    const libera = await occupaLoStore();
    let a: Scheda;
    try {
      a = await apriScheda({ endpoint: s.endpoint, utente: 'u2' });
      schede.push(a);
      // Sent at once, while the queue's write is still waiting on IndexedDB: that write is the one given up on.
      await inviaDa(a, 'Inviata con lo store occupato.');
      await finche(
        () => a.win.eventi.some((e) => e.tipo === 'assistenza-inviata'),
        'delivered',
        ATTESA_MASSIMA_IDB_MS + 5000,
      );
      expect(testoDi(a)).to.contain('non conserva le bozze');
      expect(a.win.errori).to.deep.equal([]);
    } finally {
      await libera();
    }
    expect((await s.registro()).ricevute).to.have.length(1);
    // The transactions that waited were aborted when given up on. Any transaction still queued would run before this
    // read (transactions on one store run in the order they were created): neither the request nor a draft is there.
    expect(await keys(createStore(NOME_DB, 'archivio'))).to.deep.equal([]);
    const b = await apriScheda({ endpoint: s.endpoint, utente: 'u2' });
    schede.push(b);
    await b.win.consegna.archivio.leggi('prova');
    expect(b.win.consegna.archivio.persistente, 'a later page load tries IndexedDB again').to.be.true;
  });
});
