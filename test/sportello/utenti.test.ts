// The administrators' page on a person's data (#/utenti) in a real browser against a server of the test's own: a
// user found by email and by name, their data downloaded through the page's link, erased and anonymised after a
// question (cancelled first), the queue without them after; an operator told the page is not theirs; axe at 1280 and
// 390 px, nothing scrolling sideways.
import { expect, fixture, html } from '@open-wc/testing';
import '../../sportello/src/index.js';
import type { SportelloApp, SportelloUtenti } from '../../sportello/src/index.js';
import { finche, finestra, type Secchio } from '../helpers.js';
import {
  ANNA,
  CAPO,
  accedi,
  allarmi,
  annunci,
  campo,
  coda,
  creaRichiesta,
  dentro,
  dove,
  focalizzato,
  haIlFocus,
  link,
  monta,
  pulsante,
  scrivi,
  secchioPerTest,
  testo,
  tutti,
} from './pagina.js';

/** A user's id on the bucket's server: the portal's `sub` the bucket's tokens carry. */
const idDi = (s: Secchio, utente: string) => `${utente}@${s.endpoint.split('/')[2]}`;

/** The page, in the console or mounted on its own. */
const pagina = (radice: Element) =>
  radice.localName === 'sportello-utenti' ? radice : tutti(radice, 'sportello-utenti')[0];
const riepilogo = (app: Element) => testo(dentro(app, 'sportello-utenti', 'p.riepilogo')[0]);
/** The users listed, by their cards' headings. */
const trovati = (app: Element) => dentro(app, 'sportello-utenti', 'ul.utenti h3').map((h) => testo(h));
/** A user's card as a term → definition map. */
function scheda(app: Element, id: string): Record<string, string> {
  const li = dentro(app, 'sportello-utenti', 'ul.utenti > li').find(
    (x) => testo(x.querySelector('h3')) === `Utente ${id}`,
  );
  if (!li) throw new Error(`no card for ${id} (listed: ${trovati(app)})`);
  return Object.fromEntries([...li.querySelectorAll('dt')].map((dt) => [testo(dt), testo(dt.nextElementSibling)]));
}
const domanda = (app: Element) =>
  dentro(app, 'sportello-utenti', '[role=group]').map((g) => {
    const id = g.getAttribute('aria-labelledby')!;
    return testo((g.getRootNode() as ShadowRoot).getElementById(id));
  });

/** Opens the page from the header's link, as an administrator does. */
async function apri(app: SportelloApp): Promise<void> {
  link(app.shadowRoot!.querySelector('header')!, 'Dati personali')!.click();
  await finche(() => testo(focalizzato()) === 'Dati personali degli utenti', 'the page, its heading focused');
}

/** Searches as a person does; resolves once the summary says the search's words (or `fatto` holds). */
async function cerca(radice: Element, parole: string, fatto?: () => boolean): Promise<void> {
  scrivi(campo(radice, 'Identificativo, nome o email'), parole);
  pulsante(pagina(radice), 'Cerca').click();
  const detto = () => riepilogo(radice).endsWith(`per «${parole}».`);
  await finche(fatto ?? detto, `the users found for «${parole}»`);
}

/** The console logged in as the administrator, on the page, the users `parole` finds listed. */
async function trovaComeAmministratore(s: Secchio, parole: string): Promise<SportelloApp> {
  const app = await monta(s);
  await accedi(app, CAPO.utente, CAPO.password);
  await apri(app);
  await cerca(app, parole);
  return app;
}

describe('the console’s page on a person’s data', () => {
  let s: Secchio;
  let mrossi: string;
  let lverdi: string;
  secchioPerTest(
    [
      { ...ANNA, ruolo: 'operatore' },
      { ...CAPO, ruolo: 'amministratore' },
    ],
    (nuovo) => {
      s = nuovo;
      mrossi = idDi(s, 'mrossi');
      lverdi = idDi(s, 'lverdi');
    },
  );

  /** Two requests of mrossi (one answered), one of lverdi, one anonymous. */
  async function richieste() {
    const prima = await creaRichiesta(
      s,
      { email: 'mario.rossi@esempio.it', descrizione: 'La firma digitale non viene accettata.' },
      'mrossi',
    );
    await s.sportello.rispondi(prima.id, 'Ci mandi il file firmato, per favore.');
    const seconda = await creaRichiesta(s, { descrizione: 'Non trovo la ricevuta della pratica.' }, 'mrossi');
    const verdi = await creaRichiesta(
      s,
      { cognome: 'Verdi', nome: 'Luca', email: 'luca.verdi@esempio.it', descrizione: 'Il portale è lento.' },
      'lverdi',
    );
    const anonima = await creaRichiesta(s, { cognome: 'Neri', nome: 'Anna', descrizione: 'Senza accesso.' });
    return { prima, seconda, verdi, anonima };
  }

  it('finds a user by email and by name, with their names, emails, requests and last day; says when none is found and refuses an empty search on its field', async () => {
    await richieste();
    const app = await monta(s);
    await accedi(app, CAPO.utente, CAPO.password);
    const testata = app.shadowRoot!.querySelector('header')!;
    expect(tutti(testata, 'nav a').map(testo)).to.include('Dati personali');
    await apri(app);
    expect(document.title).to.equal('Dati personali degli utenti · Sportello dell’assistenza tecnica');

    pulsante(pagina(app), 'Cerca').click();
    await finche(() => campo(app, 'Identificativo, nome o email').getAttribute('aria-invalid') === 'true', 'refused');
    expect(testo(dentro(app, 'sportello-utenti', '#errore-cerca')[0])).to.equal(
      'Scrivi l’identificativo, un nome o un’email da cercare.',
    );
    expect(campo(app, 'Identificativo, nome o email').getAttribute('aria-describedby')).to.equal(
      'aiuto-cerca errore-cerca',
    );
    expect(haIlFocus(campo(app, 'Identificativo, nome o email')), dove()).to.equal(true);
    scrivi(campo(app, 'Identificativo, nome o email'), 'x'.repeat(201));
    pulsante(pagina(app), 'Cerca').click();
    await finche(
      () => testo(dentro(app, 'sportello-utenti', '#errore-cerca')[0]).startsWith('Scrivi al massimo 200'),
      'too long',
    );

    await cerca(app, 'MARIO.ROSSI@esempio');
    expect(campo(app, 'Identificativo, nome o email').getAttribute('aria-invalid')).to.equal('false');
    expect(riepilogo(app)).to.equal('1 utente trovato per «MARIO.ROSSI@esempio».');
    expect(annunci(app)).to.equal('1 utente trovato per «MARIO.ROSSI@esempio».');
    expect(trovati(app)).to.deep.equal([`Utente ${mrossi}`]);
    const oggi = new Intl.DateTimeFormat('it-IT', { dateStyle: 'long', timeZone: 'Europe/Rome' }).format(new Date());
    expect(scheda(app, mrossi)).to.deep.equal({
      'Nomi scritti nelle richieste': 'Mario Rossi',
      Email: 'mario.rossi@esempio.it',
      Richieste: '2',
      'Allegati caricati e mai inviati': '0',
      'Ultima richiesta': oggi,
    });

    await cerca(app, 'luca verdi');
    expect(trovati(app)).to.deep.equal([`Utente ${lverdi}`]);
    expect(scheda(app, lverdi).Richieste).to.equal('1');

    // The anonymous request has no user: the page does not find it.
    await cerca(app, 'Neri');
    expect(riepilogo(app)).to.equal('Nessun utente trovato per «Neri».');
    expect(trovati(app)).to.deep.equal([]);
  });

  it('links each user to the download of their data, which is the server’s export of that user, written to the record', async () => {
    const r = await richieste();
    const app = await trovaComeAmministratore(s, 'rossi');
    const esporta = link(pagina(app), `Esporta i dati di ${mrossi}`)!;
    expect(esporta, 'the link').to.exist;
    expect(esporta.hasAttribute('download')).to.equal(true);
    expect(esporta.getAttribute('href')).to.equal(`${s.baseSportello}/utenti/${encodeURIComponent(mrossi)}/dati`);

    const risposta = await fetch(esporta.href);
    expect(risposta.status).to.equal(200);
    expect(risposta.headers.get('Content-Disposition')).to.match(/^attachment;/);
    const dati = (await risposta.json()) as { utente: string; richieste: { id: string; descrizione: string }[] };
    expect(dati.utente).to.equal(mrossi);
    expect(dati.richieste.map((x) => x.id)).to.have.members([r.prima.id, r.seconda.id]);

    const registro = (await (await fetch(`${s.baseSportello}/registro`)).json()) as {
      voci: { operatore: string; azione: string }[];
    };
    expect(registro.voci[0]).to.include({ operatore: 'capo', azione: 'dati-esportati' });
  });

  it('erases a user after a question: cancelled first (nothing removed, the focus back), then confirmed; the queue keeps the others', async () => {
    const r = await richieste();
    const app = await trovaComeAmministratore(s, 'rossi');
    const cancella = `Cancella i dati di ${mrossi}`;

    pulsante(pagina(app), cancella).click();
    await finche(() => testo(focalizzato()) === 'Annulla', 'the question, its Annulla focused');
    expect(domanda(app)).to.deep.equal([
      `Cancellare definitivamente le 2 richieste di ${mrossi} con messaggi, allegati e mail? ` +
        'L’operazione non si può annullare.',
    ]);
    expect(pulsante(pagina(app), cancella).getAttribute('aria-expanded')).to.equal('true');
    pulsante(pagina(app), 'Annulla').click();
    await finche(() => testo(focalizzato()) === cancella, 'cancelled, the focus back on its button');
    expect(domanda(app)).to.deep.equal([]);
    expect((await s.sportello.elenco()).map((x) => x.id)).to.have.members([
      r.prima.id,
      r.seconda.id,
      r.verdi.id,
      r.anonima.id,
    ]);

    pulsante(pagina(app), cancella).click();
    await finche(() => domanda(app).length === 1, 'asked again');
    pulsante(pagina(app), 'Sì, cancella').click();
    const detto = `Dati di ${mrossi}: cancellate 2 richieste, 1 messaggio, 0 allegati, 0 mail.`;
    await finche(() => annunci(app) === detto, `«${detto}» said (it says «${annunci(app)}»)`);
    await finche(() => testo(focalizzato()) === detto, 'the outcome shown, focused');
    await finche(() => riepilogo(app) === 'Nessun utente trovato per «rossi».', 'the list read again');
    expect((await s.sportello.elenco()).map((x) => x.id)).to.have.members([r.verdi.id, r.anonima.id]);

    link(app.shadowRoot!.querySelector('header')!, 'Coda delle richieste')!.click();
    await finche(() => coda(app).length === 2, 'the queue without mrossi’s requests');
    expect(coda(app)).to.have.members([`Richiesta n. ${r.verdi.numero}`, `Richiesta n. ${r.anonima.numero}`]);
  });

  it('anonymises a user after a question: the request stays in the queue, without their names', async () => {
    const r = await richieste();
    const app = await trovaComeAmministratore(s, 'verdi');
    pulsante(pagina(app), `Anonimizza di ${lverdi}`).click();
    await finche(() => testo(focalizzato()) === 'Annulla', 'the question, its Annulla focused');
    expect(domanda(app)).to.deep.equal([
      `Anonimizzare la richiesta di ${lverdi}? La richiesta resta per le statistiche, senza nomi, contatti, testi e ` +
        'file; le sue mail si cancellano. L’operazione non si può annullare.',
    ]);
    // Escape, as a keyboard user expects of a question.
    focalizzato()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await finche(() => testo(focalizzato()) === `Anonimizza di ${lverdi}`, 'cancelled by Escape, the focus back');
    expect(domanda(app)).to.deep.equal([]);
    expect(JSON.stringify((await s.sportello.elenco()).find((x) => x.id === r.verdi.id))).to.include('Verdi');

    pulsante(pagina(app), `Anonimizza di ${lverdi}`).click();
    await finche(() => domanda(app).length === 1, 'asked again');
    pulsante(pagina(app), 'Sì, anonimizza').click();
    const detto = `Dati di ${lverdi}: anonimizzata 1 richiesta, svuotati 0 messaggi, cancellati 0 allegati e 0 mail.`;
    await finche(() => annunci(app) === detto, `«${detto}» said (it says «${annunci(app)}»)`);
    await finche(() => riepilogo(app) === 'Nessun utente trovato per «verdi».', 'the list read again');

    const rimasta = (await s.sportello.elenco()).find((x) => x.id === r.verdi.id);
    expect(rimasta, 'the request kept').to.exist;
    expect(JSON.stringify(rimasta)).not.to.match(/Verdi|Luca|luca\.verdi|lento|lverdi/);
    link(app.shadowRoot!.querySelector('header')!, 'Coda delle richieste')!.click();
    const voce = () =>
      testo(
        dentro(app, 'sportello-coda', 'ol.coda > li').find(
          (li) => testo(li.querySelector('a.apri')) === `Richiesta n. ${r.verdi.numero}`,
        ),
      );
    // The queue shown before is read again on its own; the request stays, its names gone.
    await finche(() => voce() !== '' && !/Verdi|Luca|lverdi/.test(voce()), `the request without names (${voce()})`);
    expect(coda(app)).to.include(`Richiesta n. ${r.verdi.numero}`);
  });

  it('says why an erasure did not happen (the user erased meanwhile), drops them from the list and puts the focus on it', async () => {
    await richieste();
    const app = await trovaComeAmministratore(s, 'verdi');
    // Another administrator erases lverdi meanwhile, from the same console's session.
    const altrove = await fetch(`${s.baseSportello}/utenti/${encodeURIComponent(lverdi)}`, {
      method: 'DELETE',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(altrove.status).to.equal(200);
    pulsante(pagina(app), `Cancella i dati di ${lverdi}`).click();
    await finche(() => domanda(app).length === 1, 'the question');
    pulsante(pagina(app), 'Sì, cancella').click();
    await finche(() => allarmi(app).length > 0, 'the refusal');
    expect(allarmi(app)).to.deep.equal(['Nessun dato per questo utente.']);
    await finche(() => riepilogo(app) === 'Nessun utente trovato per «verdi».', 'the list read again, without them');
    await finche(() => testo(focalizzato()) === 'Utenti trovati', 'the focus on the list, their button gone');
  });

  it('says in words a refusal of the server (403) and a server that does not answer', async () => {
    // The page mounted on its own, believing an administrator is in, for an operator's session: the server refuses.
    const accesso = await fetch(`${s.baseSportello}/accesso`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ utente: ANNA.utente, password: ANNA.password }),
    });
    expect(accesso.ok).to.equal(true);
    const rifiutata = await fixture<SportelloUtenti>(
      html`<sportello-utenti amministratore base=${s.baseSportello}></sportello-utenti>`,
    );
    await cerca(rifiutata, 'rossi', () => allarmi(rifiutata).length > 0);
    expect(allarmi(rifiutata)).to.deep.equal(['Questa funzione è riservata agli amministratori.']);

    // Nothing listens on port 9 here: fetch fails as with no network.
    const assente = await fixture<SportelloUtenti>(
      html`<sportello-utenti amministratore base="http://127.0.0.1:9/api/sportello"></sportello-utenti>`,
    );
    await cerca(assente, 'rossi', () => allarmi(assente).length > 0);
    expect(allarmi(assente)).to.deep.equal([
      'Il server dello sportello non risponde: controlla la connessione e riprova.',
    ]);
  });

  it('tells an operator who is not an administrator that the page is not theirs; the server refuses them too', async () => {
    await richieste();
    const app = await monta(s);
    await accedi(app);
    const testata = app.shadowRoot!.querySelector('header')!;
    expect(tutti(testata, 'nav a').map(testo)).to.deep.equal(['Coda delle richieste', 'Tempi di risposta']);
    location.hash = '#/utenti';
    await finche(() => testo(focalizzato()) === 'Dati personali degli utenti', 'the page, its heading focused');
    expect(dentro(app, 'sportello-utenti', 'p.avviso').map(testo)).to.deep.equal([
      'Questa pagina è riservata agli amministratori: per esportare, cancellare o anonimizzare i dati di un ' +
        'utente rivolgiti a uno di loro.',
    ]);
    expect(dentro(app, 'sportello-utenti', 'form, input, button, a')).to.deep.equal([]);
    const risposta = await fetch(`${s.baseSportello}/utenti?cerca=rossi`);
    expect(risposta.status).to.equal(403);
  });

  for (const larghezza of [1280, 390]) {
    it(`has no violation axe finds on the page at ${larghezza} px, and nothing scrolls sideways`, async () => {
      await finestra(larghezza);
      await richieste();
      const app = await monta(s, { larghezza });
      const nienteDiLato = (dove: string) => {
        expect(app.getBoundingClientRect().width, `${dove}: as wide as asked`).to.be.at.most(larghezza);
        expect(app.scrollWidth, `${dove}: the console`).to.be.at.most(Math.ceil(app.getBoundingClientRect().width));
        expect(document.documentElement.scrollWidth, `${dove}: the page`).to.be.at.most(innerWidth);
      };
      await accedi(app, CAPO.utente, CAPO.password);
      await apri(app);
      await expect(app).to.be.accessible();
      nienteDiLato('the empty page');

      pulsante(pagina(app), 'Cerca').click();
      await finche(() => dentro(app, 'sportello-utenti', '#errore-cerca').length === 1, 'the empty search said');
      await expect(app).to.be.accessible();

      await cerca(app, 'esempio.it');
      expect(trovati(app)).to.have.members([`Utente ${mrossi}`, `Utente ${lverdi}`]);
      await expect(app).to.be.accessible();
      nienteDiLato('the users found');

      pulsante(pagina(app), `Cancella i dati di ${mrossi}`).click();
      await finche(() => domanda(app).length === 1, 'the question');
      await expect(app).to.be.accessible();
      nienteDiLato('the question');
    });
  }
});
