// What this browser keeps of each user on a shared computer, and for how long: dimentica() at a logout, the time limits
// (a draft 30 days after its last change, the kept list 7 days, refused and expired entries 30 days), and the elements
// that stop showing a user's things at once.
import { fixture, html, expect, oneEvent } from '@open-wc/testing';
import '../src/index.js';
import { dimentica, type AssistenzaRichieste, type AssistenzaTicketForm } from '../src/index.js';
import { consegnaDellaPagina, type VoceRichiesta } from '../src/delivery/consegna.js';
import { orologioDiSistema } from '../src/orologio.js';
import {
  nuovoSecchio,
  pulisciArchivio,
  campo,
  scrivi,
  pulsante,
  stato,
  finche,
  apriScheda,
  OrologioFinto,
  type Secchio,
  type Scheda,
} from './helpers.js';

const consegna = consegnaDellaPagina();
const GIORNO = 86_400_000;
const chiavi = async () => (await consegna.archivio.chiavi('')).sort();
const byte = () => new Uint8Array([1, 2, 3]).buffer;

/**
 * A queue entry as the queue writes it: a request of `utente` in `stato`, with the attachments `allegati`. A waiting
 * one waits for a server's Retry-After of an hour: no test here sends it.
 */
function voce(
  id: string,
  utente: string | null,
  stato: VoceRichiesta['stato'],
  allegati: string[] = [],
): VoceRichiesta {
  const ora = consegna.orologio.ora();
  return {
    id,
    tipo: 'richiesta',
    endpoint: `${location.origin}/api/richieste`,
    credentials: 'same-origin',
    utente,
    tentativi: 1,
    prossimoTentativo: ora + 3_600_000,
    nonPrimaDi: ora + 3_600_000,
    scadeIl: ora + 7 * GIORNO,
    stato,
    ...(stato === 'in-coda' ? {} : { fermaDal: ora }),
    caricati: [],
    richiesta: {
      id,
      cognome: 'Rossi',
      nome: 'Mario',
      rispostaViaEmail: false,
      descrizione: `Richiesta ${id}.`,
      creataIl: new Date(ora).toISOString(),
      allegati: allegati.map((a) => ({ id: a, nome: `${a}.pdf`, tipo: 'application/pdf' as const, dimensione: 3 })),
    },
  };
}

/** Everything one user can leave in the archive, keyed as the widget keys it; each entry's files beside it. */
function diUnUtente(u: string): [string, unknown][] {
  const ora = consegna.orologio.ora();
  const bozza = {
    descrizione: `Bozza di ${u}.`,
    allegati: [{ id: `${u}-bozza`, nome: 'b.pdf', tipo: 'application/pdf', dimensione: 3 }],
  };
  return [
    [`bozza:${u}`, { ...bozza, modificataIl: ora }],
    [`allegato:${u}-bozza`, byte()],
    [`bozza-risposta:${u}:r1`, { testo: `Risposta di ${u}.`, modificataIl: ora }],
    [`elenco:${u}`, { richieste: [], aggiornatoIl: ora }],
    [`lette:${u}`, { r1: ['m1'] }],
    [`coda:${u}-attesa`, voce(`${u}-attesa`, u, 'in-coda', [`${u}-attesa`])],
    [`allegato:${u}-attesa`, byte()],
    [`coda:${u}-respinta`, voce(`${u}-respinta`, u, 'respinta', [`${u}-respinta`])],
    [`allegato:${u}-respinta`, byte()],
    [`coda:${u}-scaduta`, voce(`${u}-scaduta`, u, 'scaduta')],
  ];
}

/** Mario's request "La pratica di Mario.", stored by the endpoint under the bucket's session; its id. */
async function richiestaDiMario(s: Secchio): Promise<string> {
  const id = crypto.randomUUID();
  const r = await fetch(s.endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': id },
    body: JSON.stringify({
      id,
      cognome: 'Rossi',
      nome: 'Mario',
      rispostaViaEmail: false,
      descrizione: 'La pratica di Mario.',
      creataIl: new Date().toISOString(),
    }),
  });
  expect(r.status).to.equal(201);
  return id;
}

describe('dimentica()', () => {
  let s: Secchio;
  let orologio: OrologioFinto;
  const schede: Scheda[] = [];
  beforeEach(async () => {
    await pulisciArchivio();
    s = nuovoSecchio();
    orologio = new OrologioFinto();
    consegna.orologio = orologio;
  });
  afterEach(() => {
    consegna.orologio = orologioDiSistema;
    schede.splice(0).forEach((x) => x.chiudi());
  });

  it('dimentica("mario") removes his draft and its file, reply drafts, kept list, read marks, refused and expired entries and their files; his waiting request stays, and all of Anna’s', async () => {
    await consegna.archivio.scrivi(...diUnUtente('mario'), ...diUnUtente('anna'));
    await dimentica('mario');
    expect(await chiavi()).to.deep.equal(
      ['allegato:mario-attesa', 'coda:mario-attesa', ...diUnUtente('anna').map(([k]) => k)].sort(),
    );
  });

  it('dimentica() without a user removes everyone’s, this session’s anonymous draft and files nothing waits for; the waiting requests and their files stay', async () => {
    await consegna.archivio.scrivi(
      ...diUnUtente('mario'),
      ...diUnUtente('anna'),
      ['coda:anonima-respinta', voce('anonima-respinta', null, 'respinta')],
      ['coda:anonima-attesa', voce('anonima-attesa', null, 'in-coda')],
      // A file a closed page left half-way: its draft never got written.
      ['allegato:orfano', byte()],
    );
    sessionStorage.setItem('assistenza-tecnica:bozza', JSON.stringify({ descrizione: 'Senza accesso.' }));
    await dimentica();
    expect(await chiavi()).to.deep.equal(
      [
        'allegato:anna-attesa',
        'allegato:mario-attesa',
        'coda:anna-attesa',
        'coda:anonima-attesa',
        'coda:mario-attesa',
      ].sort(),
    );
    expect(sessionStorage.getItem('assistenza-tecnica:bozza')).to.be.null;
  });

  it('the form on the page drops the user’s draft at once, and the save still pending never writes it back; another user’s form keeps its own', async () => {
    const mario = await fixture<AssistenzaTicketForm>(
      html`<assistenza-ticket-form endpoint=${s.endpoint} utente="mario"></assistenza-ticket-form>`,
    );
    const anna = await fixture<AssistenzaTicketForm>(
      html`<assistenza-ticket-form endpoint=${s.endpoint} utente="anna"></assistenza-ticket-form>`,
    );
    scrivi(mario, 'Descrizione del problema', 'Il testo di Mario, non ancora salvato.');
    scrivi(anna, 'Descrizione del problema', 'Il testo di Anna.');
    await Promise.all([mario.updateComplete, anna.updateComplete]);
    await dimentica('mario');
    await mario.updateComplete;
    expect(campo(mario, 'Descrizione del problema').value).to.equal('');
    expect(mario.shadowRoot!.textContent).not.to.contain('Il testo di Mario');
    await orologio.avanza(1000);
    await finche(async () => !!(await consegna.archivio.leggi('bozza:anna')), 'Anna’s draft saved');
    expect(await consegna.archivio.leggi('bozza:mario'), 'Mario’s pending save did not run').to.be.undefined;
    expect(campo(anna, 'Descrizione del problema').value).to.equal('Il testo di Anna.');
  });

  it('his refused request leaves the form’s view; his waiting one is still counted', async () => {
    await consegna.archivio.scrivi(...diUnUtente('mario'));
    const el = await fixture<AssistenzaTicketForm>(
      html`<assistenza-ticket-form endpoint=${s.endpoint} utente="mario"></assistenza-ticket-form>`,
    );
    await finche(() => !!el.shadowRoot!.querySelector('[part~=notice] textarea'), 'the refused one shown');
    await finche(() => stato(el).includes('Richieste in attesa di invio: 1.'), 'the waiting one counted');
    await dimentica('mario');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('[part~=notice] textarea').length, 'refused ones shown').to.equal(0);
    expect(stato(el)).to.contain('Richieste in attesa di invio: 1.');
  });

  it('the list on the page drops the user’s requests and reply drafts at once; after the logout it asks to sign in, and keeps nothing', async () => {
    await s.sessione('mario');
    await richiestaDiMario(s);
    const el = await fixture<AssistenzaRichieste>(
      html`<assistenza-richieste endpoint=${s.endpoint} utente="mario" .orologio=${orologio}></assistenza-richieste>`,
    );
    const voci = () => el.shadowRoot!.querySelectorAll('button[aria-expanded]');
    await finche(() => voci().length === 1, 'listed');
    (voci()[0] as HTMLButtonElement).click();
    await finche(() => !!el.shadowRoot!.querySelector('textarea'), 'opened');
    const area = el.shadowRoot!.querySelector('textarea')!;
    area.value = 'Una risposta a metà.';
    area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await finche(async () => !!(await consegna.archivio.leggi('elenco:mario')), 'the list kept');
    await s.sessione(null);
    await dimentica('mario');
    await el.updateComplete;
    expect(voci()).to.have.length(0);
    expect(el.shadowRoot!.textContent).not.to.contain('La pratica di Mario.');
    expect(el.shadowRoot!.textContent).not.to.contain('Una risposta a metà.');
    await finche(() => (el.shadowRoot!.textContent ?? '').includes('Accedi al portale'), 'asks to sign in');
    await orologio.avanza(1000);
    expect((await chiavi()).filter((k) => !k.startsWith('coda:'))).to.deep.equal([]);
  });

  it('another tab of the browser drops the user’s draft too', async () => {
    const altra = await apriScheda({ endpoint: s.endpoint, utente: 'mario' });
    schede.push(altra);
    scrivi(altra.el, 'Descrizione del problema', 'Scritto nell’altra scheda.');
    await altra.el.updateComplete;
    await dimentica('mario');
    await finche(() => campo(altra.el, 'Descrizione del problema').value === '', 'emptied in the other tab');
    await new Promise((r) => setTimeout(r, 500));
    expect(await consegna.archivio.leggi('bozza:mario')).to.be.undefined;
  });
});

describe('time limits', () => {
  let s: Secchio;
  let orologio: OrologioFinto;
  beforeEach(async () => {
    await pulisciArchivio();
    s = nuovoSecchio();
    orologio = new OrologioFinto();
    consegna.orologio = orologio;
  });
  afterEach(() => {
    consegna.orologio = orologioDiSistema;
  });

  const modulo = (utente = 'u1', conservazione = 7) =>
    fixture<AssistenzaTicketForm>(
      html`<assistenza-ticket-form
        endpoint=${s.endpoint}
        utente=${utente}
        conservazione=${conservazione}
      ></assistenza-ticket-form>`,
    );

  it('a draft comes back for 30 days after its last change, then no more', async () => {
    const el = await modulo();
    scrivi(el, 'Descrizione del problema', 'Da finire.');
    await orologio.avanza(300);
    await finche(async () => !!(await consegna.archivio.leggi('bozza:u1')), 'saved');
    el.remove();
    await orologio.avanza(29 * GIORNO);
    const dopo29 = await modulo();
    await finche(() => campo(dopo29, 'Descrizione del problema').value === 'Da finire.', 'restored after 29 days');
    dopo29.remove();
    await orologio.avanza(2 * GIORNO);
    const dopo31 = await modulo();
    await new Promise((r) => setTimeout(r, 200));
    await dopo31.updateComplete;
    expect(campo(dopo31, 'Descrizione del problema').value).to.equal('');
  });

  it('each page load removes what is past its limit, of every user: drafts and their files after 30 days, reply drafts after 30, the kept list after 7, refused and expired entries and their files 30 days after they stopped', async () => {
    await consegna.archivio.scrivi(...diUnUtente('mario'));
    // Written before drafts had a time: taken for old.
    await consegna.archivio.scrivi(
      ['bozza:vecchio', { descrizione: 'Senza data.' }],
      ['bozza-risposta:vecchio:r1', 'Testo.'],
    );
    await orologio.avanza(6 * GIORNO);
    await consegna.pulisci();
    const tutte = diUnUtente('mario').map(([k]) => k);
    expect(await chiavi()).to.deep.equal([...tutte].sort());
    await orologio.avanza(2 * GIORNO);
    await consegna.pulisci();
    expect(await chiavi(), 'the list, after 8 days').to.deep.equal(tutte.filter((k) => k !== 'elenco:mario').sort());
    await orologio.avanza(21 * GIORNO);
    await consegna.pulisci();
    expect(await chiavi(), 'after 29 days').to.have.length(tutte.length - 1);
    await orologio.avanza(2 * GIORNO);
    await consegna.pulisci();
    // The read marks (ids, no text) have no time limit: dimentica() removes them.
    expect(await chiavi(), 'after 31 days: the waiting request and its file, the read marks').to.deep.equal([
      'allegato:mario-attesa',
      'coda:mario-attesa',
      'lette:mario',
    ]);
  });

  it('an expired request is shown to copy for 30 days after it stopped, then it goes', async () => {
    const el = await modulo('u1', 1);
    await s.guasti([{ modo: 'rete', volte: 1 }]);
    const ev = oneEvent(el, 'assistenza-in-coda');
    scrivi(el, 'Cognome', 'Rossi');
    scrivi(el, 'Nome', 'Mario');
    scrivi(el, 'Descrizione del problema', 'Mai arrivata.');
    await el.updateComplete;
    pulsante(el, 'Invia richiesta').click();
    await ev;
    // Two days on, without the retry timer firing on the way: the request has expired.
    orologio.adesso += 2 * GIORNO;
    await consegna.svuota(true);
    const mostrata = () => !!el.shadowRoot!.querySelector('[part~=notice] textarea');
    await finche(mostrata, 'shown as expired');
    await orologio.avanza(29 * GIORNO);
    await consegna.pulisci();
    el.remove();
    const dopo29 = await modulo('u1', 1);
    await finche(() => !!dopo29.shadowRoot!.querySelector('[part~=notice] textarea'), 'still shown after 29 days');
    dopo29.remove();
    await orologio.avanza(2 * GIORNO);
    const dopo31 = await modulo('u1', 1);
    await new Promise((r) => setTimeout(r, 200));
    await dopo31.updateComplete;
    expect(dopo31.shadowRoot!.querySelectorAll('[part~=notice] textarea').length, 'expired ones shown').to.equal(0);
    await consegna.pulisci();
    expect(await consegna.archivio.elenca('coda:')).to.deep.equal([]);
  });
});

describe('the portal logs out while the page stays open (the profile goes from a user to nothing)', () => {
  let s: Secchio;
  beforeEach(async () => {
    await pulisciArchivio();
    s = nuovoSecchio();
    await s.sessione('mario');
  });

  type Provider = HTMLElement & { profilo?: { id: string; cognome: string; nome: string } };

  it('the form and the list drop at once everything of the user: fields, outcome, waiting requests, requests, replies being written', async () => {
    const id = await richiestaDiMario(s);
    const provider = await fixture<Provider>(
      html`<assistenza-provider endpoint=${s.endpoint} .profilo=${{ id: 'mario', cognome: 'Rossi', nome: 'Mario' }}>
        <assistenza-ticket-form></assistenza-ticket-form>
        <assistenza-richieste></assistenza-richieste>
      </assistenza-provider>`,
    );
    const form = provider.querySelector<AssistenzaTicketForm>('assistenza-ticket-form')!;
    const lista = provider.querySelector<AssistenzaRichieste>('assistenza-richieste')!;
    await s.guasti([{ modo: 'stato', stato: 503, su: 'richieste' }]);
    scrivi(form, 'Descrizione del problema', 'In coda, di Mario.');
    await form.updateComplete;
    const ev = oneEvent(form, 'assistenza-in-coda');
    pulsante(form, 'Invia richiesta').click();
    await ev;
    scrivi(form, 'Descrizione del problema', 'Bozza di Mario.');
    await form.updateComplete;
    await finche(() => (lista.shadowRoot!.textContent ?? '').includes('In coda, di Mario.'), 'the waiting one listed');
    const voce = () => lista.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-expanded]');
    await finche(() => !!voce(), 'the request listed');
    voce()!.click();
    await finche(() => !!lista.shadowRoot!.querySelector('textarea'), 'opened');
    const area = lista.shadowRoot!.querySelector('textarea')!;
    area.value = 'Risposta a metà.';
    area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await lista.updateComplete;
    const visto = () => `${form.shadowRoot!.textContent} ${lista.shadowRoot!.textContent}`;
    expect(visto()).to.contain('Richieste in attesa di invio: 1.');
    expect(visto()).to.contain('La pratica di Mario.');

    provider.profilo = undefined;
    await Promise.all([form.updateComplete, lista.updateComplete]);
    for (const segno of ['In coda, di Mario.', 'La pratica di Mario.', 'Risposta a metà.', 'in attesa di invio'])
      expect(visto(), segno).not.to.contain(segno);
    expect(['Cognome', 'Nome', 'Descrizione del problema'].map((c) => campo(form, c).value)).to.deep.equal([
      '',
      '',
      '',
    ]);
    expect(lista.shadowRoot!.querySelectorAll('button[aria-expanded]')).to.have.length(0);
    // What Mario was writing is his draft, for when he is back; not on this screen.
    await finche(
      async () =>
        (await consegna.archivio.leggi<{ testo: string }>(`bozza-risposta:mario:${id}`))?.testo === 'Risposta a metà.',
      'the reply being written kept as Mario’s draft',
    );
    await finche(
      async () =>
        (await consegna.archivio.leggi<{ descrizione: string }>('bozza:mario'))?.descrizione === 'Bozza di Mario.',
      'the form’s text kept as Mario’s draft',
    );
  });
});
