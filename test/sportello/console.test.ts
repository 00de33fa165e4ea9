// The help desk's console in a real browser against a server of the test's own (an empty database): the login and its
// refusals, the queue's order, filters, counts and search, a request with who sent it, the reply with a state seen by
// the user in "Le mie richieste", the refresh that announces without taking the focus or the text being typed, the
// administrators' pages, axe at 1280 and 390 px.
import { expect, fixture, html } from '@open-wc/testing';
import '../../sportello/src/index.js';
import '../../src/index.js';
import type { SportelloApp } from '../../sportello/src/index.js';
import type { AssistenzaRichieste } from '../../src/index.js';
import { orologioDiSistema } from '../../src/orologio.js';
import { finche, finestra, nuovoSecchio, pulisciArchivio, type Secchio } from '../helpers.js';
import {
  ANNA,
  CAPO,
  tutti,
  testo,
  campo,
  pulsante,
  dentro,
  link,
  scrivi,
  focalizzato,
  haIlFocus,
  dove,
  annunci,
  allarmi,
  creaRichiesta,
  rispondeUtente,
  monta,
  accedi,
  coda,
  voce,
  secchioPerTest,
} from './pagina.js';

const MINUTO = 60_000;
const ORA = 60 * MINUTO;

async function apriRichiesta(app: SportelloApp, numero: number): Promise<Element> {
  await finche(() => voce(app, numero) !== undefined, `request ${numero} in the queue`);
  voce(app, numero)!.querySelector<HTMLAnchorElement>('a.apri')!.click();
  await finche(
    () => dentro(app, 'sportello-richiesta', 'h1').some((h) => testo(h) === `Richiesta n. ${numero}`),
    `request ${numero} open`,
  );
  await finche(() => dentro(app, 'sportello-richiesta', 'textarea').length > 0, 'its reply box');
  return tutti(app, 'sportello-richiesta')[0];
}

/** The definition a <dt> names, in a request's page. */
const definizione = (radice: ParentNode, termine: string) =>
  tutti(radice, 'dt').find((dt) => testo(dt) === termine)?.nextElementSibling as HTMLElement | undefined;

/** Searches the queue as a person does: the words in the field, then the button. */
async function cerca(app: Element, parole: string, attesi: number[]): Promise<void> {
  scrivi(campo(app, 'Cerca'), parole);
  pulsante(app, 'Cerca').click();
  const voluti = JSON.stringify(attesi.map((n) => `Richiesta n. ${n}`));
  await finche(() => JSON.stringify(coda(app)) === voluti, `«${parole}» finds ${voluti} (shown: ${coda(app)})`);
}

/** Picks a filter of the queue by its label ("In attesa dell’utente (1)"). */
function filtra(app: Element, etichetta: string): void {
  const label = dentro<HTMLLabelElement>(app, 'sportello-coda', 'label.filtro').find((l) => testo(l) === etichetta);
  if (!label)
    throw new Error(`no filter "${etichetta}" in ${dentro(app, 'sportello-coda', 'label.filtro').map(testo)}`);
  label.querySelector('input')!.click();
}

const riepilogo = (app: Element) => testo(dentro(app, 'sportello-coda', 'p.riepilogo')[0]);

/** Every text the live region says from now on, as it says it. */
function ascolta(app: Element): string[] {
  const detti: string[] = [];
  new MutationObserver((cambi) => {
    for (const c of cambi) for (const n of c.addedNodes) if (n instanceof Element) detti.push(testo(n));
  }).observe(app.shadowRoot!.querySelector('[role=status]')!, { childList: true, subtree: true });
  return detti;
}

/** WCAG 1.4.10: at 390 px nothing needs scrolling sideways (a wide table scrolls in its own region). */
function nienteDiLato(app: Element, larghezza: number, dove: string): void {
  expect(app.getBoundingClientRect().width, `${dove}: as wide as asked`).to.be.at.most(larghezza);
  expect(app.scrollWidth, `${dove}: the console`).to.be.at.most(Math.ceil(app.getBoundingClientRect().width));
  expect(document.documentElement.scrollWidth, `${dove}: the page`).to.be.at.most(innerWidth);
}

/** The month of now in Rome, in Italian words: "dicembre 2026". */
const meseCorrente = () =>
  new Intl.DateTimeFormat('it-IT', { month: 'long', year: 'numeric', timeZone: 'Europe/Rome' }).format(new Date());

/** Opens "Tempi di risposta" from the header, as an operator does; resolves once its table is there. */
async function apriTempi(app: SportelloApp): Promise<Element> {
  link(app.shadowRoot!.querySelector('header')!, 'Tempi di risposta')!.click();
  await finche(() => dentro(app, 'sportello-tempi', 'tbody tr').length === 12, 'the twelve months');
  return tutti(app, 'sportello-tempi')[0];
}

/** The table's rows as they read: the month, then each cell. */
const mesi = (el: Element) =>
  tutti(el, 'tbody tr').map((tr) => [...tr.querySelectorAll('th, td')].map((c) => testo(c)));

describe('the help desk’s console', () => {
  let s: Secchio;
  secchioPerTest([{ ...ANNA, ruolo: 'operatore' }], (nuovo) => {
    s = nuovo;
  });

  describe('login', () => {
    it('says a wrong password in words, empties it and puts the focus back in it; then logs in with the name and Esci', async () => {
      const app = await monta(s);
      expect(tutti(app, 'h1').map(testo)).to.deep.equal(['Accedi allo sportello']);
      pulsante(app, 'Accedi').click();
      await finche(() => tutti(app, '.errore').length === 2, 'both fields said to be empty');
      expect(tutti(app, '.errore').map(testo)).to.deep.equal(['Scrivi il nome utente.', 'Scrivi la password.']);
      expect(campo(app, 'Nome utente').getAttribute('aria-invalid')).to.equal('true');
      expect(campo(app, 'Nome utente').getAttribute('aria-describedby')).to.equal('errore-utente');
      expect(haIlFocus(campo(app, 'Nome utente')), dove()).to.equal(true);

      scrivi(campo(app, 'Nome utente'), 'anna');
      scrivi(campo(app, 'Password'), 'non-e-la-sua-password');
      pulsante(app, 'Accedi').click();
      await finche(() => allarmi(app).length > 0, 'the refusal');
      expect(allarmi(app)).to.deep.equal(['Nome utente o password non corretti.']);
      expect(campo(app, 'Password').value).to.equal('');
      expect(haIlFocus(campo(app, 'Password')), dove()).to.equal(true);
      expect(campo(app, 'Nome utente').value).to.equal('anna');

      scrivi(campo(app, 'Password'), ANNA.password);
      pulsante(app, 'Accedi').click();
      await finche(() => dentro(app, 'sportello-coda', 'h1').length > 0, 'the queue');
      const testata = app.shadowRoot!.querySelector('header')!;
      expect(testo(testata)).to.match(/Anna Bianchi \(operatore\) Esci$/);
      expect(pulsante(testata, 'Esci')).to.exist;
      expect(tutti(testata, 'nav a').map(testo)).to.deep.equal(
        ['Coda delle richieste', 'Tempi di risposta'],
        'no administrators’ pages',
      );
      await finche(() => testo(focalizzato()) === 'Coda delle richieste', 'the focus on the queue’s heading');

      pulsante(testata, 'Esci').click();
      await finche(() => tutti(app, 'sportello-accesso').length > 0, 'the login form again');
      expect(dentro(app, 'sportello-accesso', '.avviso').map(testo)).to.deep.equal(['Sei uscito dallo sportello.']);
      expect(annunci(app)).to.equal('Sei uscito dallo sportello.');
      const sessione = await fetch(`${s.baseSportello}/sessione`);
      expect(sessione.status, 'the session ended on the server').to.equal(401);
    });

    it('says when a locked name may try again (429 and its Retry-After)', async () => {
      const app = await monta(s);
      for (let i = 1; i <= 5; i++) {
        scrivi(campo(app, 'Nome utente'), 'anna');
        scrivi(campo(app, 'Password'), `tentativo-sbagliato-${i}`);
        pulsante(app, 'Accedi').click();
        await finche(() => campo(app, 'Password').value === '', `failure ${i}`);
      }
      scrivi(campo(app, 'Password'), ANNA.password);
      const prima = Date.now();
      pulsante(app, 'Accedi').click();
      await finche(() => /Troppi tentativi/.test(allarmi(app).join(' ')), 'the lock');
      const [messaggio] = allarmi(app);
      expect(messaggio).to.match(
        /^Troppi tentativi di accesso falliti da questo nome utente: riprova più tardi\. Potrai riprovare tra 1[45] minuti, alle \d{2}:\d{2}\.$/,
      );
      const alle = /alle (\d{2}:\d{2})/.exec(messaggio)![1];
      const atteso = new Intl.DateTimeFormat('it-IT', { timeStyle: 'short', timeZone: 'Europe/Rome' });
      expect([atteso.format(prima + 15 * 60_000), atteso.format(prima + 14 * 60_000)]).to.include(alle);
      expect(tutti(app, 'sportello-coda')).to.have.length(0, 'still not in, with the right password');
    });
  });

  describe('the queue', () => {
    it('puts open requests first, the one waiting longest for the help desk at the top, says how long, marks the users’ replies, counts each state and filters by it', async () => {
      const attende = await creaRichiesta(s, { descrizione: 'Attende l’utente.' }, 'mrossi');
      const risposta = await creaRichiesta(s, { descrizione: 'L’utente ha risposto.' }, 'mrossi');
      const risolta = await creaRichiesta(s, { descrizione: 'Già risolta.' });
      const nuova = await creaRichiesta(s, { cognome: 'Verdi', nome: 'Luca', descrizione: 'Appena arrivata.' });
      await s.sportello.rispondi(attende.id, 'Ci manda il file?', 'attesa-utente');
      await s.sportello.rispondi(risposta.id, 'Ci stiamo lavorando.');
      await rispondeUtente(s, 'mrossi', risposta.id, 'Grazie, aspetto.');
      await s.sportello.cambiaStato(risolta.id, 'risolta');
      const app = await monta(s);
      // Two hours and a minute on: every wait reads in hours.
      app.orologio = { ora: () => Date.now() + 2 * ORA + MINUTO, programma: orologioDiSistema.programma };
      await accedi(app);

      expect(coda(app)).to.deep.equal([nuova, risposta, attende, risolta].map((r) => `Richiesta n. ${r.numero}`));
      const attesa = (r: { numero: number }) => testo(voce(app, r.numero)!.querySelector('.attesa'));
      expect(attesa(nuova)).to.equal('in attesa da 2 ore');
      expect(attesa(risposta)).to.equal('in attesa da 2 ore');
      expect(attesa(attende)).to.equal('aggiornata 2 ore fa');
      expect(attesa(risolta)).to.equal('aggiornata 2 ore fa');
      const segnate = [nuova, risposta, attende, risolta].filter((r) =>
        voce(app, r.numero)!.querySelector('.nuova-risposta'),
      );
      expect(segnate).to.deep.equal([risposta], 'only the request the user replied to');
      expect(testo(voce(app, risposta.numero)!.querySelector('.nuova-risposta'))).to.equal(
        'Nuova risposta dell’utente',
      );
      const apri = voce(app, risposta.numero)!.querySelector('a.apri')!;
      const descritto = apri.getAttribute('aria-describedby')!.split(' ');
      const radice = apri.getRootNode() as ShadowRoot;
      expect(descritto.map((id) => testo(radice.getElementById(id)))).to.deep.equal([
        'In lavorazione',
        'Nuova risposta dell’utente',
        `Rossi Mario (utente mrossi@${s.endpoint.split('/')[2]})`,
        'in attesa da 2 ore',
      ]);
      expect(testo(voce(app, nuova.numero)!.querySelector('.chi'))).to.equal('Verdi Luca (richiesta anonima)');
      expect(dentro(app, 'sportello-coda', 'label.filtro').map(testo)).to.deep.equal([
        'Tutte (4)',
        'Ricevuta (1)',
        'In lavorazione (1)',
        'In attesa dell’utente (1)',
        'Risolta (1)',
        'Chiusa (0)',
      ]);
      expect(riepilogo(app)).to.equal('4 richieste.');

      filtra(app, 'In attesa dell’utente (1)');
      await finche(() => coda(app).length === 1, 'one waiting for the user');
      expect(coda(app)).to.deep.equal([`Richiesta n. ${attende.numero}`]);
      await finche(() => annunci(app) === '1 richiesta.', 'what the filter gave, said');
      filtra(app, 'Risolta (1)');
      await finche(() => coda(app)[0] === `Richiesta n. ${risolta.numero}`, 'the solved one');
      filtra(app, 'Chiusa (0)');
      await finche(() => coda(app).length === 0, 'none closed');
      expect(testo(dentro(app, 'sportello-coda', 'p.riepilogo + p')[0])).to.equal('Nessuna richiesta.');
      filtra(app, 'Tutte (4)');
      await finche(() => coda(app).length === 4, 'all again');
    });

    it('searches by numero, name, email and the words of the thread; “Annulla la ricerca” brings the whole queue back', async () => {
      const verdi = await creaRichiesta(s, {
        cognome: 'Verdi',
        nome: 'Luca',
        email: 'luca.verdi@esempio.it',
        descrizione: 'Il protocollo non parte.',
      });
      const rossi = await creaRichiesta(s, { descrizione: 'La planimetria non si carica.' }, 'mrossi');
      await s.sportello.rispondi(rossi.id, 'Provi a salvarla come PDF/A.');
      const app = await monta(s);
      await accedi(app);
      await cerca(app, `n. ${rossi.numero}`, [rossi.numero]);
      expect(riepilogo(app)).to.equal(`1 richiesta trovata per «n. ${rossi.numero}».`);
      await cerca(app, 'VERDI', [verdi.numero]);
      await cerca(app, 'luca.verdi@', [verdi.numero]);
      await cerca(app, 'pdf/a', [rossi.numero]);
      await cerca(app, 'planimetria', [rossi.numero]);
      await cerca(app, 'nessuno così', []);
      expect(riepilogo(app)).to.equal('0 richieste trovate per «nessuno così».');
      expect(testo(dentro(app, 'sportello-coda', 'p.riepilogo + p')[0])).to.equal(
        'Nessuna richiesta corrisponde alla ricerca.',
      );
      pulsante(app, 'Annulla la ricerca').click();
      await finche(() => coda(app).length === 2, 'the whole queue');
      expect(campo(app, 'Cerca').value).to.equal('');
      expect(haIlFocus(campo(app, 'Cerca')), dove()).to.equal(true);
    });
  });

  describe('a request', () => {
    it('shows the portal’s identity beside the name typed, the phone as a tel: link, the files to download, who wrote each reply', async () => {
      const file = crypto.randomUUID();
      const pdf = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');
      const caricato = await fetch(`${s.endpoint}/allegati/${file}`, {
        method: 'PUT',
        headers: {
          'Content-Type': 'application/pdf',
          'Idempotency-Key': file,
          'Content-Disposition': "attachment; filename*=UTF-8''tavola%20unica.pdf",
          Authorization: `Bearer ${await s.token('mrossi')}`,
        },
        body: pdf,
      });
      expect(caricato.status).to.equal(201);
      const r = await creaRichiesta(
        s,
        {
          cognome: 'Bianchi',
          nome: 'Anna',
          email: 'anna.bianchi@esempio.it',
          telefono: '0521 123.456',
          rispostaViaEmail: true,
          pratica: { tipologia: 'SCIA', numero: '123/2026' },
          descrizione: 'Scrivo per conto di Anna:\nla tavola non si apre.',
          allegati: [{ id: file, nome: 'tavola unica.pdf', tipo: 'application/pdf', dimensione: pdf.length }],
        },
        'mrossi',
      );
      const anonima = await creaRichiesta(s, { descrizione: 'Non riesco ad accedere al portale.' });
      await s.sportello.rispondi(r.id, 'Buongiorno, la guardiamo.');
      const app = await monta(s);
      await accedi(app);
      const el = await apriRichiesta(app, r.numero);
      await finche(() => testo(focalizzato()) === `Richiesta n. ${r.numero}`, 'the focus on the request’s heading');

      expect(testo(definizione(el, 'Utente del portale'))).to.equal(`mrossi@${s.endpoint.split('/')[2]}`);
      expect(testo(definizione(el, 'Nome scritto nel modulo'))).to.equal('Bianchi Anna');
      const tel = definizione(el, 'Telefono')!.querySelector('a')!;
      expect([tel.getAttribute('href'), testo(tel)]).to.deep.equal(['tel:+390521123456', '0521 123.456']);
      const mail = definizione(el, 'Email')!.querySelector('a')!;
      expect(mail.getAttribute('href')).to.equal('mailto:anna.bianchi@esempio.it');
      expect(testo(definizione(el, 'Pratica'))).to.equal('SCIA 123/2026');
      expect(tutti(el, '.descrizione')[0].textContent).to.equal('Scrivo per conto di Anna:\nla tavola non si apre.');

      const scarica = link(el, 'tavola unica.pdf')!;
      expect(scarica.getAttribute('href')).to.equal(`${s.baseSportello}/allegati/${file}`);
      const scaricato = await fetch(scarica.href);
      expect(scaricato.status).to.equal(200);
      expect(scaricato.headers.get('content-disposition')).to.match(/^attachment;/);
      expect(new Uint8Array(await scaricato.arrayBuffer())).to.deep.equal(pdf);

      const [messaggio] = tutti(el, 'ol.conversazione > li');
      expect(testo(messaggio)).to.match(
        /^Assistenza \(operatore prova\) \d\d\/\d\d\/\d\d, \d\d:\d\d Buongiorno, la guardiamo\. Anche via mail a anna\.bianchi@esempio\.it$/,
      );
      // The harness's servers have no ASSISTENZA_SMTP_URL: the reply will not reach her by mail, and the box says so.
      expect(testo(tutti(el, '#aiuto-mail')[0])).to.equal(
        'L’utente ha chiesto la risposta anche via mail a anna.bianchi@esempio.it, ma questo server non invia mail: la leggerà solo in «Le mie richieste».',
      );

      link(el, 'Torna alla coda')!.click();
      await finche(() => focalizzato()?.tagName === 'A', 'the focus back in the queue');
      expect(testo(focalizzato()), 'on the link of the request left').to.equal(`Richiesta n. ${r.numero}`);
      const altra = await apriRichiesta(app, anonima.numero);
      expect(testo(definizione(altra, 'Utente del portale'))).to.equal(
        'Nessuno: richiesta anonima, inviata senza accesso al portale',
      );
      expect(testo(definizione(altra, 'Telefono'))).to.equal('non indicato');
    });

    it('replies with the state chosen; the user sees the reply in “Le mie richieste”, marked new', async () => {
      await pulisciArchivio();
      const r = await creaRichiesta(s, { descrizione: 'La firma digitale non viene accettata.' }, 'mrossi');
      const app = await monta(s);
      await accedi(app);
      const el = await apriRichiesta(app, r.numero);
      const area = campo<HTMLTextAreaElement>(el, 'Risposta');
      const stato = campo<HTMLSelectElement>(el, 'Stato della richiesta');
      expect(stato.value, 'a received request is taken in hand by a reply').to.equal('in-lavorazione');

      pulsante(el, 'Rispondi').click();
      await finche(() => area.getAttribute('aria-invalid') === 'true', 'the empty reply refused');
      expect(testo(tutti(el, '#errore-testo')[0])).to.equal('Scrivi la risposta prima di inviarla.');
      expect(area.getAttribute('aria-describedby')).to.equal('errore-testo');
      expect(haIlFocus(area), dove()).to.equal(true);

      scrivi(area, 'Buongiorno, ci invia il file .p7m?');
      stato.value = 'attesa-utente';
      stato.dispatchEvent(new Event('change', { bubbles: true }));
      pulsante(el, 'Rispondi').click();
      const detto = `Risposta inviata alla richiesta n. ${r.numero}. Stato: In attesa dell’utente.`;
      await finche(() => annunci(app) === detto, 'the reply said');
      expect(area.value, 'the box emptied once sent').to.equal('');
      await finche(() => tutti(el, 'ol.conversazione > li').length === 1, 'the reply in the thread');
      expect(testo(tutti(el, 'ol.conversazione > li')[0])).to.match(
        /^Assistenza \(operatore anna\) .* Buongiorno, ci invia il file \.p7m\?$/,
      );
      expect(testo(tutti(el, '.titolo .stato')[0])).to.equal('In attesa dell’utente');
      const [vista] = await s.sportello.elenco();
      expect([vista.stato, vista.messaggi.map((m) => m.operatore)]).to.deep.equal(['attesa-utente', ['anna']]);

      // The user, in "Le mie richieste".
      await s.sessione('mrossi');
      const lista = await fixture<AssistenzaRichieste>(
        html`<assistenza-richieste endpoint=${s.endpoint}></assistenza-richieste>`,
      );
      // The row's name: number, state, the description's first line, the unread reply, then its last update.
      const nome = `Richiesta n. ${r.numero}, In attesa di una tua risposta, `;
      const riga = () =>
        tutti<HTMLButtonElement>(lista, 'button[aria-expanded]').find((b) => {
          const n = b.getAttribute('aria-label') ?? '';
          return n.startsWith(nome) && n.includes(', Nuova risposta, Ultimo aggiornamento: ');
        });
      await finche(() => riga() !== undefined, nome);
      riga()!.click();
      await finche(
        () => tutti(lista, '[part~=message]').some((m) => testo(m).includes('Buongiorno, ci invia il file .p7m?')),
        'the reply in the user’s thread',
      );
    });

    it('“Rispondi e segna come risolta” and “Cambia solo lo stato”', async () => {
      const r = await creaRichiesta(s, { descrizione: 'Non trovo la ricevuta.' });
      const app = await monta(s);
      await accedi(app);
      const el = await apriRichiesta(app, r.numero);
      scrivi(campo<HTMLTextAreaElement>(el, 'Risposta'), 'La trova in Documenti.');
      pulsante(el, 'Rispondi e segna come risolta').click();
      await finche(
        () => annunci(app) === `Risposta inviata alla richiesta n. ${r.numero}. Stato: Risolta.`,
        'solved with the reply',
      );
      const stato = campo<HTMLSelectElement>(el, 'Stato della richiesta');
      stato.value = 'chiusa';
      stato.dispatchEvent(new Event('change', { bubbles: true }));
      pulsante(el, 'Cambia solo lo stato').click();
      await finche(
        () => annunci(app) === `Richiesta n. ${r.numero}: stato cambiato in Chiusa.`,
        'the state alone changed',
      );
      const [vista] = await s.sportello.elenco();
      expect([vista.stato, vista.messaggi.length]).to.deep.equal(['chiusa', 1]);
      await finche(() => testo(tutti(el, '.titolo .stato')[0]) === 'Chiusa', 'the badge follows');
    });
  });

  describe('refreshing', () => {
    it('brings new requests and the user’s replies without a reload, each said once, leaving the focus and the text being typed alone', async () => {
      const r = await creaRichiesta(s, { descrizione: 'La prima richiesta.' }, 'mrossi');
      const app = await monta(s, { aggiornamento: 1 });
      await accedi(app);
      const el = await apriRichiesta(app, r.numero);
      const area = campo<HTMLTextAreaElement>(el, 'Risposta');
      area.focus();
      scrivi(area, 'Buongiorno, stavo scrivendo');
      const detti = ascolta(app);

      const nuova = await creaRichiesta(s, { cognome: 'Neri', nome: 'Sara', descrizione: 'Appena arrivata.' });
      await finche(() => detti.includes(`Nuova richiesta n. ${nuova.numero}.`), 'the new request said', 10_000);
      await rispondeUtente(s, 'mrossi', r.id, 'Ecco il file che mancava.');
      await finche(
        () => tutti(el, 'ol.conversazione > li').some((li) => testo(li).includes('Ecco il file che mancava.')),
        'the user’s reply in the open request',
        10_000,
      );
      const risposta = `Nuova risposta dell’utente alla richiesta n. ${r.numero}.`;
      await finche(() => detti.includes(risposta), 'the reply said', 10_000);
      // Both the queue and the open request see it: a few more refreshes, and it was still said once.
      await new Promise((fatto) => setTimeout(fatto, 2500));
      expect(detti.filter((d) => d.includes(risposta))).to.have.length(1);
      expect(detti.filter((d) => d.includes(`Nuova richiesta n. ${nuova.numero}.`))).to.have.length(1);
      expect(haIlFocus(area), dove()).to.equal(true);
      expect(area.value).to.equal('Buongiorno, stavo scrivendo');

      link(el, 'Torna alla coda')!.click();
      await finche(() => coda(app).length === 2, 'both in the queue');
      expect(voce(app, r.numero)!.querySelector('.nuova-risposta')).to.exist;
    });

    it('asks to log in again when the session ends, then opens the same request with the reply being typed', async () => {
      const r = await creaRichiesta(s, { descrizione: 'Una richiesta.' });
      const app = await monta(s, { aggiornamento: 1 });
      await accedi(app);
      const el = await apriRichiesta(app, r.numero);
      scrivi(campo<HTMLTextAreaElement>(el, 'Risposta'), 'Un testo da non perdere');
      // Esci in another tab of the same browser: the same cookie.
      const uscita = await fetch(`${s.baseSportello}/uscita`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
      });
      expect(uscita.status).to.equal(204);
      await finche(() => tutti(app, 'sportello-accesso').length === 1, 'the login form', 10_000);
      expect(dentro(app, 'sportello-accesso', '.avviso').map(testo)).to.deep.equal([
        'La sessione è scaduta o è stata chiusa: accedi di nuovo per continuare.',
      ]);
      await accedi(app);
      await finche(
        () =>
          dentro<HTMLTextAreaElement>(app, 'sportello-richiesta', 'textarea')[0]?.value === 'Un testo da non perdere',
        'the same request, the text kept',
      );
    });
  });

  describe('administrators', () => {
    beforeEach(async () => {
      await s.operatore({ ...CAPO, ruolo: 'amministratore' });
    });

    it('add an operator (a password of at least 12 characters) and remove one, after a confirmation', async () => {
      const app = await monta(s);
      await accedi(app, CAPO.utente, CAPO.password);
      const testata = app.shadowRoot!.querySelector('header')!;
      expect(tutti(testata, 'nav a').map(testo)).to.deep.equal([
        'Coda delle richieste',
        'Tempi di risposta',
        'Operatori',
        'Registro',
        'Dati personali',
      ]);
      link(testata, 'Operatori')!.click();
      await finche(() => testo(focalizzato()) === 'Operatori', 'the operators’ page, focused');
      const righe = () => dentro(app, 'sportello-operatori', 'tbody tr').map((tr) => testo(tr.querySelector('th')));
      await finche(() => righe().length === 3, 'the operators listed');
      expect(righe()).to.have.members(['anna', 'capo', 'prova']);

      scrivi(campo(app, 'Nome utente'), 'luca');
      scrivi(campo(app, 'Nome da mostrare'), 'Luca Verdi');
      scrivi(campo(app, 'Password'), 'corta');
      pulsante(app, 'Aggiungi operatore').click();
      await finche(() => campo(app, 'Password').getAttribute('aria-invalid') === 'true', 'the short password refused');
      expect(testo(dentro(app, 'sportello-operatori', '#errore-nuovo-password')[0])).to.equal(
        'La password deve avere almeno 12 caratteri.',
      );
      expect(haIlFocus(campo(app, 'Password')), dove()).to.equal(true);
      scrivi(campo(app, 'Password'), 'una-password-lunga');
      pulsante(app, 'Aggiungi operatore').click();
      await finche(() => righe().includes('luca'), 'luca added');
      expect(annunci(app)).to.equal('Operatore luca aggiunto.');
      expect(campo(app, 'Nome utente').value, 'the form emptied').to.equal('');

      scrivi(campo(app, 'Nome utente'), 'LUCA');
      scrivi(campo(app, 'Nome da mostrare'), 'Un altro Luca');
      scrivi(campo(app, 'Password'), 'una-password-lunga');
      pulsante(app, 'Aggiungi operatore').click();
      await finche(() => campo(app, 'Nome utente').getAttribute('aria-invalid') === 'true', 'the name taken');
      expect(testo(dentro(app, 'sportello-operatori', '#errore-nuovo-utente')[0])).to.equal(
        'Esiste già un operatore «luca».',
      );

      pulsante(app, 'Rimuovi luca').click();
      await finche(() => testo(focalizzato()) === 'Sì, rimuovi', 'the confirmation, focused');
      expect(dentro(app, 'sportello-operatori', '[role=group]').map((g) => g.getAttribute('aria-label'))).to.deep.equal(
        ['Rimuovere luca? Le sue sessioni si chiudono subito.'],
      );
      pulsante(app, 'Annulla').click();
      await finche(() => testo(focalizzato()) === 'Rimuovi luca', 'cancelled, the focus back');
      pulsante(app, 'Rimuovi luca').click();
      await finche(() => testo(focalizzato()) === 'Sì, rimuovi', 'asked again');
      pulsante(app, 'Sì, rimuovi').click();
      await finche(() => !righe().includes('luca'), 'luca removed');
      expect(annunci(app)).to.equal('Operatore luca rimosso.');
      const accesso = await fetch(`${s.baseSportello}/accesso`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ utente: 'luca', password: 'una-password-lunga' }),
      });
      expect(accesso.status).to.equal(401);
    });

    it('read the record, filtered by operator and by request', async () => {
      const r = await creaRichiesta(s, { descrizione: 'Una richiesta.' });
      const altra = await creaRichiesta(s, { descrizione: 'Un’altra richiesta.' });
      const app = await monta(s);
      await accedi(app, CAPO.utente, CAPO.password);
      let el = await apriRichiesta(app, r.numero);
      scrivi(campo<HTMLTextAreaElement>(el, 'Risposta'), 'Risposta del capo.');
      pulsante(el, 'Rispondi').click();
      await finche(() => annunci(app).startsWith('Risposta inviata'), 'replied');
      link(el, 'Torna alla coda')!.click();
      el = await apriRichiesta(app, altra.numero);
      const stato = campo<HTMLSelectElement>(el, 'Stato della richiesta');
      stato.value = 'risolta';
      stato.dispatchEvent(new Event('change', { bubbles: true }));
      pulsante(el, 'Cambia solo lo stato').click();
      await finche(() => annunci(app).includes('stato cambiato in Risolta'), 'solved');

      link(app.shadowRoot!.querySelector('header')!, 'Registro')!.click();
      const righe = () =>
        dentro(app, 'sportello-registro', 'tbody tr').map((tr) =>
          [...tr.querySelectorAll('td')].slice(1).map((td) => testo(td)),
        );
      await finche(() => righe().length >= 4, 'the record');
      expect(righe().slice(0, 3)).to.deep.equal([
        ['capo', 'Cambio di stato', `n. ${altra.numero}`, 'Ricevuta → Risolta'],
        ['capo', 'Risposta', `n. ${r.numero}`, 'stato: Ricevuta → In lavorazione'],
        ['capo', 'Accesso', '', righe()[2][3]],
      ]);
      expect(righe()[2][3]).to.match(/^da /);

      scrivi(campo(app, 'Operatore (nome utente)'), 'prova');
      pulsante(app, 'Filtra').click();
      await finche(() => righe().length > 0 && righe().every((x) => x[0] === 'prova'), 'the harness’s own only');

      scrivi(campo(app, 'Operatore (nome utente)'), '');
      scrivi(campo(app, 'Numero della richiesta'), '999');
      pulsante(app, 'Filtra').click();
      await finche(() => campo(app, 'Numero della richiesta').getAttribute('aria-invalid') === 'true', '999 refused');
      expect(testo(dentro(app, 'sportello-registro', '#errore-numero')[0])).to.equal('Nessuna richiesta n. 999.');
      scrivi(campo(app, 'Numero della richiesta'), String(r.numero));
      pulsante(app, 'Filtra').click();
      await finche(() => righe().length === 1 && righe()[0][0] === 'capo', 'the request’s entries only');
      expect(righe()[0].slice(0, 3)).to.deep.equal(['capo', 'Risposta', `n. ${r.numero}`]);

      pulsante(app, 'Mostra tutto').click();
      await finche(() => righe().length >= 4, 'everything again');
      // From a request's page: its record.
      link(dentro(app, 'sportello-registro', 'tbody')[0], `n. ${altra.numero}`)!.click();
      el = await apriRichiesta(app, altra.numero);
      link(el, 'Registro di questa richiesta')!.click();
      await finche(
        () => righe().length === 1 && righe()[0][1] === 'Cambio di stato',
        'the record of that request alone',
      );
    });
  });

  describe('mail to the user', () => {
    /** The section of a request's page that lists its mails, by its heading. */
    const sezionePosta = (el: Element) =>
      tutti(el, 'section').find((x) => testo(x.querySelector('h2')) === 'Mail all’utente');
    const statiMail = (el: Element) => tutti(el, '.stato-mail').map(testo);

    it('says on a request that asked for the answer by mail that this server sends none: in its mails, by the reply box, after a reply', async () => {
      const r = await creaRichiesta(s, {
        email: 'mario.rossi@esempio.it',
        rispostaViaEmail: true,
        descrizione: 'Non ricevo le notifiche.',
      });
      const senza = await creaRichiesta(s, { email: 'luca.verdi@esempio.it', descrizione: 'Senza mail.' });
      await s.sportello.rispondi(r.id, 'Controlli la cartella dello spam.');
      const app = await monta(s);
      await accedi(app);
      const el = await apriRichiesta(app, r.numero);

      const sezione = sezionePosta(el);
      expect(sezione, 'the mails’ section').to.exist;
      expect(tutti(sezione!, '.avviso').map(testo)).to.deep.equal([
        'Questo server non invia mail (manca l’impostazione ASSISTENZA_SMTP_URL): l’utente ha chiesto la risposta via mail, ma non la riceverà per posta. Le risposte restano in «Le mie richieste» sul portale.',
      ]);
      const [mail] = tutti(sezione!, 'ol.posta > li');
      expect(testo(mail)).to.match(
        /^Mail del \d{1,2} \w{3}, \d\d:\d\d a mario\.rossi@esempio\.it Oggetto: \[Richiesta n\. \d+\] .+ In attesa di invio: questo server non invia mail\.$/,
      );
      expect(tutti(sezione!, 'button'), 'nothing to send again').to.have.length(0);

      scrivi(campo<HTMLTextAreaElement>(el, 'Risposta'), 'Ha ricevuto qualcosa?');
      pulsante(el, 'Rispondi').click();
      await finche(() => annunci(app).startsWith('Risposta inviata'), 'the reply said');
      expect(annunci(app)).to.equal(
        `Risposta inviata alla richiesta n. ${r.numero}. Stato: In lavorazione. Non parte via mail: questo server non invia mail.`,
      );
      await finche(() => statiMail(el).length === 2, 'the second mail listed');
      expect(statiMail(el)).to.deep.equal([
        'In attesa di invio: questo server non invia mail.',
        'In attesa di invio: questo server non invia mail.',
      ]);

      link(el, 'Torna alla coda')!.click();
      const altra = await apriRichiesta(app, senza.numero);
      expect(sezionePosta(altra), 'no mails’ section where none was asked for').to.equal(undefined);
      expect(tutti(altra, '#aiuto-mail')).to.have.length(0);
    });

    describe('on a server that sends it', () => {
      let p: Secchio;
      beforeEach(async () => {
        p = nuovoSecchio();
        await p.serverProprio({ posta: true });
        await p.operatore({ ...ANNA, ruolo: 'operatore' });
      });
      afterEach(async () => {
        await p.chiudiServer();
      });

      it('shows a mail the mail server refused (550) with its reason, and “Invia di nuovo” sends it, with the same Message-ID', async () => {
        await p.smtp.rifiuta(550, '5.1.1 Casella inesistente');
        const r = await creaRichiesta(
          p,
          { email: 'mario.rossi@esempio.it', rispostaViaEmail: true, descrizione: 'Manca la ricevuta.' },
          'mrossi',
        );
        await p.sportello.rispondi(r.id, 'La trova in Documenti.', 'attesa-utente');
        const app = await monta(p);
        await accedi(app);
        const el = await apriRichiesta(app, r.numero);
        await finche(() => /^Non inviata: /.test(statiMail(el)[0] ?? ''), 'the refusal shown', 15_000);
        expect(statiMail(el)).to.have.length(1);
        expect(statiMail(el)[0]).to.match(/^Non inviata: 550\b.*Casella inesistente$/);
        const sezione = sezionePosta(el)!;
        expect(tutti(sezione, '.avviso'), 'this server sends mail').to.have.length(0);
        const reinvia = pulsante(sezione, 'Invia di nuovo');
        const radice = reinvia.getRootNode() as ShadowRoot;
        const descrizione = reinvia
          .getAttribute('aria-describedby')!
          .split(' ')
          .map((id) => testo(radice.getElementById(id)));
        expect(descrizione[0]).to.match(/^Mail del .* a mario\.rossi@esempio\.it$/);
        expect(descrizione[1]).to.equal(statiMail(el)[0]);
        await expect(app).to.be.accessible();
        expect(await p.smtp.ricevute(), 'nothing got through').to.have.length(0);

        await p.smtp.accetta();
        reinvia.click();
        await finche(
          () => annunci(app) === 'Mail a mario.rossi@esempio.it rimessa in coda: parte tra pochi secondi.',
          'the resend said',
        );
        // The button went with the failure: the focus is on what the mail says now.
        const stato = tutti(sezione, '.stato-mail')[0];
        await finche(() => haIlFocus(stato), `the focus on the mail’s state (${dove()})`);
        await finche(() => /^Inviata il /.test(statiMail(el)[0] ?? ''), 'the mail sent', 15_000);
        expect(tutti(sezione, 'button'), 'nothing left to send again').to.have.length(0);
        const [vista] = await p.sportello.elenco();
        const ricevute = await p.smtp.ricevute();
        expect(ricevute.map((m) => [m.destinatari, m.messageId, m.oggetto])).to.deep.equal([
          [['mario.rossi@esempio.it'], vista.posta[0].messageId, vista.posta[0].oggetto],
        ]);
        expect(ricevute[0].testo).to.contain('La trova in Documenti.');
        await expect(app).to.be.accessible();
      });
    });
  });

  describe('the response times', () => {
    it('shows each of the last 12 months with its figures, small months marked, the median to the first reply, and the requests waiting longest linked to them', async () => {
      const attende = await creaRichiesta(s, { descrizione: 'Manca un file.' }, 'mrossi');
      await s.sportello.rispondi(attende.id, 'Ci manda il file?', 'attesa-utente');
      const risolta = await creaRichiesta(s, { descrizione: 'Non trovo la ricevuta.' });
      await s.sportello.rispondi(risolta.id, 'La trova in Documenti.', 'risolta');
      const chiusa = await creaRichiesta(s, { descrizione: 'Scritta per errore.' });
      await s.sportello.cambiaStato(chiusa.id, 'chiusa');
      const prima = await creaRichiesta(s, { cognome: 'Verdi', nome: 'Luca', descrizione: 'Il protocollo non parte.' });
      // Arrived before `prima`, but waits for the help desk only since the user's reply, after it.
      await rispondeUtente(s, 'mrossi', attende.id, 'Eccolo.');
      const app = await monta(s);
      // Two hours and a minute on: every wait reads in hours.
      app.orologio = { ora: () => Date.now() + 2 * ORA + MINUTO, programma: orologioDiSistema.programma };
      await accedi(app);
      const el = await apriTempi(app);
      await finche(() => testo(focalizzato()) === 'Tempi di risposta', 'the focus on the page’s heading');
      const attuale = tutti<HTMLAnchorElement>(app.shadowRoot!.querySelector('nav')!, 'a[aria-current=page]');
      expect(attuale.map(testo)).to.deep.equal(['Tempi di risposta']);
      expect(location.hash).to.equal('#/tempi');

      expect(testo(tutti(el, 'caption')[0])).to.equal('Tempi di risposta degli ultimi 12 mesi, dal più recente');
      expect(tutti(el, 'thead th').map(testo)).to.deep.equal([
        'Mese',
        'Richieste',
        'Entro 10 minuti',
        'Entro 30 minuti',
        'Entro 1 ora',
        'Entro 8 ore',
        'Oltre 24 ore',
        'Prima risposta (mediana)',
      ]);
      const righe = mesi(el);
      // Four this month: two resolved at once (risolta, chiusa), two open for minutes; two replied to at once.
      expect(righe[0]).to.deep.equal([
        meseCorrente(),
        '4 pochi dati',
        '50,0%',
        '50,0%',
        '50,0%',
        '50,0%',
        '0,0%',
        'meno di 1 min',
      ]);
      const vuoto = '–nessuna richiesta';
      for (const riga of righe.slice(1)) {
        expect(riga.slice(1)).to.deep.equal(['0', vuoto, vuoto, vuoto, vuoto, vuoto, 'nessuna risposta'], riga[0]);
      }
      expect(new Set(righe.map((r) => r[0])).size, 'twelve months').to.equal(12);
      for (const riga of righe) expect(riga[0]).to.match(/^[a-z]+ \d{4}$/);
      expect(testo(tutti(el, '.nota')[0])).to.match(/^«pochi dati»: meno di 30 richieste nel mese/);
      expect(testo(tutti(el, '.mediana p')[0])).to.equal(
        'Tempo mediano dall’arrivo della richiesta alla prima risposta dell’assistenza, negli ultimi 90 giorni: meno di 1 min',
      );

      const attesa = () => tutti(el, 'ol.attesa > li');
      expect(attesa().map((li) => testo(li))).to.deep.equal([
        `Richiesta n. ${prima.numero} Ricevuta Verdi Luca in attesa da 2 ore`,
        `Richiesta n. ${attende.numero} In lavorazione Rossi Mario in attesa da 2 ore`,
      ]);

      // "Aggiorna" reads again: a new request counts, and joins the waiting list.
      const nuova = await creaRichiesta(s, { cognome: 'Neri', nome: 'Sara', descrizione: 'Appena arrivata.' });
      pulsante(el, 'Aggiorna').click();
      await finche(() => mesi(el)[0][1] === '5 pochi dati', 'five this month');
      expect(annunci(app)).to.equal('Tempi di risposta aggiornati.');
      expect(mesi(el)[0].slice(2, 7)).to.deep.equal(['40,0%', '40,0%', '40,0%', '40,0%', '0,0%']);
      expect(attesa().map((li) => testo(li.querySelector('a')))).to.deep.equal(
        [prima, attende, nuova].map((r) => `Richiesta n. ${r.numero}`),
      );

      attesa()[0].querySelector('a')!.click();
      await finche(
        () => dentro(app, 'sportello-richiesta', 'h1').some((h) => testo(h) === `Richiesta n. ${prima.numero}`),
        'the request opened from the list',
      );
      expect(location.hash).to.equal(`#/richieste/${prima.id}`);
    });

    for (const larghezza of [1280, 390]) {
      it(`has no violation axe finds at ${larghezza} px; the table scrolls in its own region, nothing else sideways`, async () => {
        await finestra(larghezza);
        const r = await creaRichiesta(s, { descrizione: 'Il protocollo non parte.' }, 'mrossi');
        await s.sportello.rispondi(r.id, 'La guardiamo.');
        await rispondeUtente(s, 'mrossi', r.id, 'Grazie.');
        await creaRichiesta(s, { cognome: 'Verdi', nome: 'Luca', descrizione: 'Non trovo la ricevuta.' });
        const app = await monta(s, { larghezza });
        await accedi(app);
        const el = await apriTempi(app);
        await finche(() => tutti(el, 'ol.attesa > li').length === 2, 'the waiting list');
        await expect(app).to.be.accessible();
        nienteDiLato(app, larghezza, 'response times');
        const [regione] = tutti(el, '.scorre');
        expect([regione.getAttribute('role'), regione.getAttribute('tabindex')]).to.deep.equal(['region', '0']);
        const nome = (regione.getRootNode() as ShadowRoot).getElementById(regione.getAttribute('aria-labelledby')!);
        expect(testo(nome)).to.equal('Tempi di risposta degli ultimi 12 mesi, dal più recente');
        if (larghezza === 390) {
          expect(regione.scrollWidth, 'the table wider than its region').to.be.above(regione.clientWidth);
        }
      });
    }
  });

  // A portal's user id may be long with no place to break a line (an SPID code and more): the bucket's suffix
  // (@<uuid>) adds one of its own, breakable by some engines only (not Firefox's, before a digit).
  const lungo = 'spid.TINITRSSMRA80A01H501U.0123456789abcdef0123456789abcdef';
  for (const larghezza of [1280, 390]) {
    it(`has no violation axe finds on the login, the queue and a request at ${larghezza} px, and nothing scrolls sideways`, async () => {
      await finestra(larghezza);
      const r = await creaRichiesta(
        s,
        {
          email: 'mario.rossi@esempio.it',
          telefono: '+39 347 123 4567',
          rispostaViaEmail: true,
          pratica: { tipologia: 'Permesso di costruire', numero: '41/2026' },
          descrizione: 'Il portale rifiuta la firma digitale della relazione tecnica allegata alla pratica.',
        },
        lungo,
      );
      await s.sportello.rispondi(r.id, 'Ci manda il file firmato?', 'attesa-utente');
      await rispondeUtente(s, lungo, r.id, 'Eccolo.');
      await creaRichiesta(s, { cognome: 'Verdi', nome: 'Luca', descrizione: 'Non trovo la ricevuta.' });
      const app = await monta(s, { larghezza });

      await expect(app).to.be.accessible();
      nienteDiLato(app, larghezza, 'login');
      scrivi(campo(app, 'Nome utente'), 'anna');
      pulsante(app, 'Accedi').click();
      await finche(() => tutti(app, '.errore').length === 1, 'the empty password said');
      await expect(app).to.be.accessible();

      await accedi(app);
      await finche(() => coda(app).length === 2, 'the queue');
      await expect(app).to.be.accessible();
      nienteDiLato(app, larghezza, 'queue');

      const el = await apriRichiesta(app, r.numero);
      await expect(app).to.be.accessible();
      nienteDiLato(app, larghezza, 'request');
      pulsante(el, 'Rispondi').click();
      await finche(() => tutti(el, '#errore-testo').length === 1, 'the empty reply said');
      await expect(app).to.be.accessible();
    });
  }
});
