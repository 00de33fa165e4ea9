import { fixture, html, expect, oneEvent } from '@open-wc/testing';
import '../src/index.js';
import type { AssistenzaRichieste } from '../src/index.js';
import { consegnaDellaPagina } from '../src/delivery/consegna.js';
import { orologioDiSistema } from '../src/orologio.js';
import { daDimenticare } from '../src/delivery/conservazione.js';
import { nuovoSecchio, pulisciArchivio, finche, OrologioFinto, type Secchio } from './helpers.js';

const consegna = consegnaDellaPagina();

/** A request as the form sends it, POSTed straight to the bucket under its session. */
async function creaRichiesta(s: Secchio, descrizione: string, extra: Record<string, unknown> = {}) {
  const corpo = {
    id: crypto.randomUUID(),
    cognome: 'Rossi',
    nome: 'Mario',
    email: 'mario.rossi@esempio.it',
    rispostaViaEmail: false,
    descrizione,
    creataIl: new Date().toISOString(),
    ...extra,
  };
  const r = await fetch(s.endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': corpo.id },
    body: JSON.stringify(corpo),
  });
  expect(r.status, await r.clone().text()).to.equal(201);
  return (await r.json()) as { id: string; numero: number };
}

/** The text a screen reader reads for a node: its aria-label if it has one, else its text without aria-hidden parts, white space folded. */
function nome(n: Element): string {
  const etichetta = n.getAttribute?.('aria-label');
  if (etichetta) return etichetta;
  const parti: string[] = [];
  const blocco = (x: Node) => x instanceof Element && /^(P|LI|DIV|UL|OL|H\d)$/.test(x.tagName);
  const visita = (x: Node) => {
    if (x instanceof Element && x.getAttribute('aria-hidden') === 'true') return;
    if (x.nodeType === Node.TEXT_NODE) parti.push(x.textContent ?? '');
    if (blocco(x)) parti.push(' ');
    x.childNodes.forEach(visita);
    if (blocco(x)) parti.push(' ');
  };
  visita(n);
  return parti.join('').replace(/\s+/g, ' ').trim();
}

const root = (el: Element) => el.shadowRoot!;
const disclosure = (el: Element) => [...root(el).querySelectorAll<HTMLButtonElement>('button[aria-expanded]')];
const nomi = (el: Element) => disclosure(el).map(nome);
/** A row's name up to its last update: number, state, first line, "Nuova risposta", practice. */
const senzaData = (nome: string) => nome.replace(/, (Ultimo aggiornamento|Last updated): .*$/, '');
const laRichiesta = (el: Element, numero: number) => {
  const b = disclosure(el).find((x) => nome(x).startsWith(`Richiesta n. ${numero},`));
  if (!b) throw new Error(`no disclosure "Richiesta n. ${numero}" in ${JSON.stringify(nomi(el))}`);
  return b;
};
const annuncio = (el: Element) => nome(root(el).querySelector('[role=status]')!);
const testo = (el: Element) => nome(root(el) as unknown as Element);
const rispostaDi = (el: Element, numero: number) => {
  const d = root(el).getElementById(laRichiesta(el, numero).getAttribute('aria-controls')!)!;
  const area = d.querySelector<HTMLTextAreaElement>('textarea');
  const label = area ? d.querySelector(`label[for="${area.id}"]`) : null;
  return {
    dettaglio: d,
    area,
    label,
    invia: [...d.querySelectorAll('button')].find((b) => nome(b) === 'Invia risposta'),
  };
};

function scriviRisposta(area: HTMLTextAreaElement, t: string) {
  area.value = t;
  area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

describe('<assistenza-richieste>', () => {
  let s: Secchio;
  let orologio: OrologioFinto;
  beforeEach(async () => {
    await pulisciArchivio();
    s = nuovoSecchio();
    await s.sessione('mrossi');
    orologio = new OrologioFinto();
    consegna.orologio = orologio;
  });
  afterEach(() => {
    consegna.orologio = orologioDiSistema;
  });

  /** The events the element fired, from its creation on (a listener added after the fixture could miss the first). */
  let eventi: CustomEvent[] = [];
  const elemento = async (aggiornamento = 60, utente = 'mrossi') => {
    eventi = [];
    const box = await fixture<HTMLElement>(
      html`<div @assistenza-nuove-risposte=${(e: CustomEvent) => eventi.push(e)}>
        <assistenza-richieste
          endpoint=${s.endpoint}
          utente=${utente}
          aggiornamento=${aggiornamento}
          .orologio=${orologio}
        ></assistenza-richieste>
      </div>`,
    );
    const el = box.querySelector('assistenza-richieste') as AssistenzaRichieste;
    await el.updateComplete;
    return el;
  };
  /** The element for mrossi inside a box with `lang`, on `endpoint`, once it lists `n` requests. */
  const inLingua = async (lang: string, endpoint: string, n: number) => {
    const box = await fixture<HTMLElement>(
      html`<div lang=${lang}>
        <assistenza-richieste endpoint=${endpoint} utente="mrossi" .orologio=${orologio}></assistenza-richieste>
      </div>`,
    );
    const el = box.firstElementChild as AssistenzaRichieste;
    await finche(() => disclosure(el).length === n, `${n} requests listed (lang ${lang})`);
    return el;
  };
  const letto = (el: AssistenzaRichieste) => finche(() => !testo(el).includes('Caricamento'), 'the list read');

  it('titled "Le mie richieste"; an empty list says so, and is accessible', async () => {
    const el = await elemento();
    await letto(el);
    expect(root(el).querySelector('h2')!.textContent).to.equal('Le mie richieste');
    expect(testo(el)).to.contain('Non hai ancora inviato richieste di assistenza.');
    await expect(el).to.be.accessible();
  });

  it('lists the user’s requests from the endpoint, newest first, each a disclosure named by number and state', async () => {
    const a = await creaRichiesta(s, 'Prima.');
    const b = await creaRichiesta(s, 'Seconda.');
    const el = await elemento();
    await finche(() => disclosure(el).length === 2, 'two requests');
    expect(nomi(el).map(senzaData)).to.deep.equal([
      `Richiesta n. ${b.numero}, Ricevuta, Seconda.`,
      `Richiesta n. ${a.numero}, Ricevuta, Prima.`,
    ]);
    for (const d of disclosure(el)) expect(d.getAttribute('aria-expanded')).to.equal('false');
    const reg = (await s.registro()).tentativi.filter((t) => t.metodo === 'GET');
    expect(reg[0].intestazioni.accept).to.equal('application/json');
    await expect(el).to.be.accessible();
  });

  it('shows each state by its label, an unknown one as it comes, and in English with lang="en"', async () => {
    const stati = ['ricevuta', 'in-lavorazione', 'attesa-utente', 'risolta', 'chiusa'] as const;
    const numeri: number[] = [];
    for (const st of stati) {
      const r = await creaRichiesta(s, `Stato ${st}.`);
      numeri.push(r.numero);
      if (st !== 'ricevuta') await s.sportello.cambiaStato(r.id, st);
    }
    const el = await elemento();
    await finche(() => disclosure(el).length === 5, 'five requests');
    const etichette = ['Ricevuta', 'In lavorazione', 'In attesa di una tua risposta', 'Risolta', 'Chiusa'];
    numeri.forEach((n, i) =>
      expect(senzaData(nome(laRichiesta(el, n)))).to.equal(`Richiesta n. ${n}, ${etichette[i]}, Stato ${stati[i]}.`),
    );
    const inglese = await inLingua('en', s.endpoint, 5);
    const english = ['Received', 'In progress', 'Waiting for your reply', 'Solved', 'Closed'];
    numeri.forEach((n, i) =>
      expect(senzaData(nome(disclosure(inglese).find((b) => nome(b).startsWith(`Request no. ${n},`))!))).to.equal(
        `Request no. ${n}, ${english[i]}, Stato ${stati[i]}.`,
      ),
    );
    expect(root(inglese).querySelector('h2')!.textContent).to.equal('My requests');
  });

  it('opens a request: description, practice, date and the thread as a list, texts inert with their line breaks', async () => {
    const ostile = '<img src=x onerror="window.pwned=true">\nseconda riga';
    const r = await creaRichiesta(s, ostile, { pratica: { tipologia: 'SCIA', numero: '123/2026' } });
    await s.sportello.rispondi(r.id, 'Buongiorno,\n<b>non</b> vediamo il file.');
    (window as unknown as { pwned?: boolean }).pwned = false;
    const el = await elemento();
    await finche(() => disclosure(el).length === 1, 'one request');
    laRichiesta(el, r.numero).click();
    await el.updateComplete;
    expect(laRichiesta(el, r.numero).getAttribute('aria-expanded')).to.equal('true');
    const { dettaglio } = rispostaDi(el, r.numero);
    expect(dettaglio.hidden).to.be.false;
    expect(dettaglio.querySelector('img')).to.equal(null);
    expect(dettaglio.textContent).to.contain(ostile);
    expect(dettaglio.textContent).to.contain('SCIA 123/2026');
    const filo = dettaglio.querySelector('ol')!;
    expect(filo.getAttribute('aria-label')).to.equal('Conversazione');
    const messaggi = [...filo.querySelectorAll(':scope > li')];
    expect(messaggi).to.have.length(1);
    expect(messaggi[0].textContent).to.contain('Assistenza');
    expect(messaggi[0].querySelector('.testo')!.textContent).to.equal('Buongiorno,\n<b>non</b> vediamo il file.');
    expect(getComputedStyle(messaggi[0].querySelector('.testo')!).whiteSpace).to.equal('pre-wrap');
    // The time is Rome's, whatever this browser's zone.
    const quando = messaggi[0].querySelector('time')!;
    const atteso = new Intl.DateTimeFormat('it-IT', {
      dateStyle: 'short',
      timeStyle: 'short',
      timeZone: 'Europe/Rome',
    }).format(new Date(quando.getAttribute('datetime')!));
    expect(quando.textContent).to.equal(atteso);
    expect((window as unknown as { pwned?: boolean }).pwned).to.be.false;
    await expect(el).to.be.accessible();
  });

  it('lists the user’s own attachments of a request by name', async () => {
    const id = crypto.randomUUID();
    const byte = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');
    const caricato = await fetch(`${s.endpoint}/allegati/${id}`, {
      method: 'PUT',
      headers: {
        'Content-Type': 'application/pdf',
        'Idempotency-Key': id,
        'Content-Disposition': "attachment; filename*=UTF-8''tavola%20unica.pdf",
      },
      body: byte,
    });
    expect(caricato.status).to.equal(201);
    const r = await creaRichiesta(s, 'Ecco la tavola.', {
      allegati: [{ id, nome: 'tavola unica.pdf', tipo: 'application/pdf', dimensione: byte.length }],
    });
    const el = await elemento();
    await finche(() => disclosure(el).length === 1, 'one request');
    laRichiesta(el, r.numero).click();
    await el.updateComplete;
    expect(nome(rispostaDi(el, r.numero).dettaglio)).to.contain('Allegati: tavola unica.pdf');
  });

  it('counts unread replies, fires assistenza-nuove-risposte, marks them read on opening, and remembers it', async () => {
    const r = await creaRichiesta(s, 'Con risposta.');
    await s.sportello.rispondi(r.id, 'Prima risposta.');
    const el = await elemento();
    await finche(() => eventi.length === 1, 'assistenza-nuove-risposte');
    const [ev] = eventi;
    expect(ev.detail).to.deep.equal({ n: 1 });
    expect(ev.bubbles && ev.composed).to.be.true;
    expect(el.nonLette).to.equal(1);
    await el.updateComplete;
    expect(senzaData(nome(laRichiesta(el, r.numero)))).to.equal(
      `Richiesta n. ${r.numero}, In lavorazione, Con risposta., Nuova risposta`,
    );
    const letta = oneEvent(el, 'assistenza-nuove-risposte');
    laRichiesta(el, r.numero).click();
    expect((await letta).detail).to.deep.equal({ n: 0 });
    expect(el.nonLette).to.equal(0);
    await el.updateComplete;
    expect(senzaData(nome(laRichiesta(el, r.numero)))).to.equal(
      `Richiesta n. ${r.numero}, In lavorazione, Con risposta.`,
    );
    // Another page load: still read.
    el.remove();
    const dopo = await elemento();
    await finche(() => disclosure(dopo).length === 1, 'listed again');
    await dopo.updateComplete;
    expect(dopo.nonLette).to.equal(0);
    expect(nome(laRichiesta(dopo, r.numero))).not.to.contain('Nuova risposta');
  });

  it('refreshes every aggiornamento seconds and announces the replies that arrived: one, then two', async () => {
    const r = await creaRichiesta(s, 'In attesa.');
    const el = await elemento(30);
    await finche(() => disclosure(el).length === 1, 'listed');
    expect(annuncio(el)).to.equal('');
    await s.sportello.rispondi(r.id, 'Una.');
    const get = () =>
      (s.registro() as Promise<{ tentativi: { metodo: string }[] }>).then(
        (x) => x.tentativi.filter((t) => t.metodo === 'GET').length,
      );
    const prima = await get();
    await orologio.avanza(29_000);
    expect(await get(), 'not before 30 s').to.equal(prima);
    await orologio.avanza(1_000);
    await finche(() => annuncio(el) === "1 nuova risposta dall'assistenza", 'one announced');
    await s.sportello.rispondi(r.id, 'Due.');
    await s.sportello.rispondi(r.id, 'Tre.');
    await orologio.avanza(30_000);
    await finche(() => annuncio(el) === "2 nuove risposte dall'assistenza", 'two announced');
    expect(el.nonLette).to.equal(3);
  });

  it('sends If-None-Match with the ETag it got, and a 304 keeps what is shown', async () => {
    await creaRichiesta(s, 'Una.');
    const el = await elemento(5);
    await finche(() => disclosure(el).length === 1, 'listed');
    await orologio.avanza(5_000);
    await finche(
      async () => (await s.registro()).tentativi.filter((t) => t.metodo === 'GET').length === 2,
      'a second read',
    );
    const [primo, secondo] = (await s.registro()).tentativi.filter((t) => t.metodo === 'GET');
    expect(primo.intestazioni['if-none-match']).to.be.undefined;
    expect(primo.stato).to.equal(200);
    expect(secondo.intestazioni['if-none-match']).to.be.a('string').and.not.equal('');
    expect(secondo.stato).to.equal(304);
    await el.updateComplete;
    expect(disclosure(el)).to.have.length(1);
    expect(testo(el)).not.to.contain('Non è stato possibile');
  });

  it('loads the next page from the Link header with "Mostra le richieste precedenti"', async () => {
    await s.opzioni({ perPagina: 2 });
    const numeri = [];
    for (let i = 0; i < 3; i++) numeri.push((await creaRichiesta(s, `Richiesta ${i}.`)).numero);
    const el = await elemento();
    await finche(() => disclosure(el).length === 2, 'first page');
    const altre = [...root(el).querySelectorAll('button')].find((b) => nome(b) === 'Mostra le richieste precedenti')!;
    expect(altre).to.exist;
    altre.click();
    await finche(() => disclosure(el).length === 3, 'the earlier page appended');
    expect(nomi(el).map((n) => Number(/n\. (\d+)/.exec(n)![1]))).to.deep.equal([...numeri].reverse());
    await el.updateComplete;
    expect([...root(el).querySelectorAll('button')].some((b) => nome(b) === 'Mostra le richieste precedenti')).to.be
      .false;
  });

  it('offline: shows the list read last for this user, with its time and a notice; another user never sees it', async () => {
    const r = await creaRichiesta(s, 'Da rileggere senza rete.');
    const el = await elemento();
    await finche(() => disclosure(el).length === 1, 'listed');
    el.remove();
    await s.guasti([{ modo: 'rete', su: 'elenco' }]);
    const offline = await elemento();
    await finche(() => disclosure(offline).length === 1, 'the kept list');
    // The time of the read, on the element's clock (the test's: it stands still).
    const ora = new Intl.DateTimeFormat('it-IT', { timeStyle: 'short', timeZone: 'Europe/Rome' }).format(
      new Date(orologio.adesso),
    );
    expect(testo(offline)).to.contain('Non è stato possibile aggiornare l’elenco');
    expect(testo(offline)).to.contain(`Aggiornato alle ${ora}.`);
    expect(nome(laRichiesta(offline, r.numero))).to.contain(`Richiesta n. ${r.numero}`);
    await expect(offline).to.be.accessible();
    offline.remove();
    const altro = await elemento(60, 'abianchi');
    await finche(() => testo(altro).includes('Non è stato possibile leggere'), 'the error, without a list');
    expect(disclosure(altro)).to.have.length(0);
  });

  it('the list kept for offline is shown for 7 days after it was read, then no more', async () => {
    await creaRichiesta(s, 'Letta oggi.');
    const el = await elemento();
    await finche(() => disclosure(el).length === 1, 'listed');
    await finche(async () => !!(await consegna.archivio.leggi('elenco:mrossi')), 'kept');
    el.remove();
    await s.guasti([{ modo: 'rete', su: 'elenco' }]);
    orologio.adesso += 6 * 86_400_000;
    const dopo6 = await elemento();
    await finche(() => disclosure(dopo6).length === 1, 'the kept list after 6 days');
    dopo6.remove();
    orologio.adesso += 2 * 86_400_000;
    const dopo8 = await elemento();
    await finche(() => testo(dopo8).includes('Non è stato possibile leggere'), 'the error, without a list');
    expect(disclosure(dopo8)).to.have.length(0);
    expect(testo(dopo8)).not.to.contain('Letta oggi.');
  });

  it('401: asks to sign in and shows no kept list', async () => {
    await creaRichiesta(s, 'Riservata.');
    const el = await elemento();
    await finche(() => disclosure(el).length === 1, 'listed');
    el.remove();
    await s.sessione(null);
    const fuori = await elemento();
    await finche(() => testo(fuori).includes('Accedi al portale per vedere le tue richieste'), 'sign in');
    expect(disclosure(fuori)).to.have.length(0);
    expect(await consegna.archivio.leggi('elenco:mrossi'), 'the kept list is gone').to.be.undefined;
  });

  it('a closed request has no reply box and says to send a new request', async () => {
    const r = await creaRichiesta(s, 'Finita.');
    await s.sportello.cambiaStato(r.id, 'chiusa');
    const el = await elemento();
    await finche(() => disclosure(el).length === 1, 'listed');
    laRichiesta(el, r.numero).click();
    await el.updateComplete;
    const { dettaglio, area } = rispostaDi(el, r.numero);
    expect(area).to.equal(null);
    expect(dettaglio.textContent).to.contain('La richiesta è chiusa: per un nuovo problema invia una nuova richiesta.');
  });

  it('replies through the queue: shown at once "In coda" through a 503, delivered once, with the new state', async () => {
    const r = await creaRichiesta(s, 'Aspetto.');
    await s.sportello.rispondi(r.id, 'Ci manda il file?', 'attesa-utente');
    await s.guasti([{ modo: 'stato', stato: 503, su: 'messaggi', volte: 2 }]);
    const el = await elemento();
    await finche(() => disclosure(el).length === 1, 'listed');
    laRichiesta(el, r.numero).click();
    await el.updateComplete;
    const { area, label, invia } = rispostaDi(el, r.numero);
    expect(label!.textContent).to.equal('La tua risposta');
    scriviRisposta(area!, 'Ecco, lo allego di nuovo.');
    await expect(el).to.be.accessible();
    invia!.click();
    await finche(() => (rispostaDi(el, r.numero).dettaglio.textContent ?? '').includes('In coda'), 'shown queued');
    expect(rispostaDi(el, r.numero).area!.value).to.equal('');
    const tentativiRisposta = async () =>
      (await s.registro()).tentativi.filter((t) => t.metodo === 'POST' && /messaggi$/.test(t.percorso));
    // The list's refreshes share this clock: the time moves to the reply's retry only once its attempt has been
    // answered 503 and the queue has written when it tries next (moving to the earliest timer could be a refresh's).
    for (let i = 1; i <= 2; i++) {
      await finche(async () => (await tentativiRisposta()).length === i, `attempt ${i} answered`);
      await consegna.inattiva();
      const [voce] = await consegna.voci('mrossi');
      await orologio.avanza(Math.max(0, voce.prossimoTentativo - orologio.adesso));
      await consegna.inattiva();
    }
    await finche(() => nome(laRichiesta(el, r.numero)).includes('In lavorazione'), 'the new state');
    const posts = await tentativiRisposta();
    expect(posts.map((t) => t.stato)).to.deep.equal([503, 503, 201]);
    expect(new Set(posts.map((t) => t.chiave)).size).to.equal(1);
    expect(posts.map((t) => JSON.parse(t.corpo).id)).to.deep.equal(posts.map((t) => t.chiave));
    const [q] = await s.sportello.elenco();
    expect(q.messaggi.filter((m) => m.autore === 'utente').map((m) => m.testo)).to.deep.equal([
      'Ecco, lo allego di nuovo.',
    ]);
    await finche(() => !(rispostaDi(el, r.numero).dettaglio.textContent ?? '').includes('In coda'), 'no longer queued');
  });

  it('a reply whose answer was lost, and one sent offline, are each stored once', async () => {
    const r = await creaRichiesta(s, 'Rete instabile.');
    const el = await elemento();
    await finche(() => disclosure(el).length === 1, 'listed');
    laRichiesta(el, r.numero).click();
    await el.updateComplete;
    await s.guasti([{ modo: 'perdi-risposta', su: 'messaggi', volte: 1 }]);
    scriviRisposta(rispostaDi(el, r.numero).area!, 'Risposta persa per strada.');
    rispostaDi(el, r.numero).invia!.click();
    await finche(async () => (await s.registro()).tentativi.some((t) => t.stato === 'interrotta'), 'the answer lost');
    window.dispatchEvent(new Event('online'));
    await finche(
      async () =>
        (await s.registro()).tentativi.filter((t) => /messaggi$/.test(t.percorso) && t.stato === 201).length === 1,
      'delivered on retry',
    );
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      scriviRisposta(rispostaDi(el, r.numero).area!, 'Scritta senza rete.');
      rispostaDi(el, r.numero).invia!.click();
      await finche(
        () => (rispostaDi(el, r.numero).dettaglio.textContent ?? '').includes('Scritta senza rete.'),
        'shown at once',
      );
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
    }
    window.dispatchEvent(new Event('online'));
    await finche(async () => (await s.sportello.elenco())[0].messaggi.length === 2, 'both stored');
    const testi = (await s.sportello.elenco())[0].messaggi.map((m) => m.testo);
    expect(testi).to.deep.equal(['Risposta persa per strada.', 'Scritta senza rete.']);
  });

  it('a refused reply goes back into its box with the server’s message', async () => {
    const r = await creaRichiesta(s, 'Rifiutata.');
    const el = await elemento();
    await finche(() => disclosure(el).length === 1, 'listed');
    laRichiesta(el, r.numero).click();
    await el.updateComplete;
    await s.guasti([
      { modo: 'stato', stato: 409, su: 'messaggi', messaggio: 'La richiesta è stata chiusa nel frattempo.', volte: 1 },
    ]);
    scriviRisposta(rispostaDi(el, r.numero).area!, 'Non andrà.');
    rispostaDi(el, r.numero).invia!.click();
    await finche(() => rispostaDi(el, r.numero).area!.getAttribute('aria-invalid') === 'true', 'refused');
    await finche(() => rispostaDi(el, r.numero).area!.value === 'Non andrà.', 'back in the box');
    const { area, dettaglio } = rispostaDi(el, r.numero);
    expect(area!.getAttribute('aria-invalid')).to.equal('true');
    const errore = dettaglio.querySelector(`#${area!.getAttribute('aria-describedby')}`)!;
    expect(errore.textContent).to.contain('La richiesta è stata chiusa nel frattempo.');
    expect(await consegna.voci('mrossi')).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('an empty reply is not sent: the box says why', async () => {
    const r = await creaRichiesta(s, 'Vuota.');
    const el = await elemento();
    await finche(() => disclosure(el).length === 1, 'listed');
    laRichiesta(el, r.numero).click();
    await el.updateComplete;
    scriviRisposta(rispostaDi(el, r.numero).area!, '   ');
    rispostaDi(el, r.numero).invia!.click();
    await finche(() => rispostaDi(el, r.numero).area!.getAttribute('aria-invalid') === 'true', 'marked');
    expect(rispostaDi(el, r.numero).dettaglio.textContent).to.contain('Scrivi il testo della risposta.');
    expect((await s.registro()).tentativi.filter((t) => /messaggi$/.test(t.percorso))).to.have.length(0);
  });

  it('requests still in this browser’s queue come first, "In attesa di invio", with the reason', async () => {
    await creaRichiesta(s, 'Già arrivata.');
    const form = await fixture<HTMLElement & { updateComplete: Promise<boolean> }>(
      html`<assistenza-ticket-form
        endpoint=${s.endpoint}
        utente="mrossi"
        cognome="Rossi"
        nome="Mario"
      ></assistenza-ticket-form>`,
    );
    await s.guasti([{ modo: 'stato', stato: 503, su: 'richieste' }]);
    const area = form.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea')!;
    area.value = 'Ancora in coda.';
    area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await form.updateComplete;
    const ev = oneEvent(form, 'assistenza-in-coda');
    form.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await ev;
    const el = await elemento();
    await finche(
      () => disclosure(el).length === 1 && testo(el).includes('In attesa di invio'),
      'listed with the pending one',
    );
    const attesa = root(el).querySelector('[part~=waiting]')!;
    expect(nome(attesa)).to.match(
      /^In attesa di invio: il servizio di assistenza non risponde: prossimo tentativo alle \d\d:\d\d\. Ancora in coda\.$/,
    );
    expect(attesa.compareDocumentPosition(root(el).querySelector('[part~=list]')!) & Node.DOCUMENT_POSITION_FOLLOWING)
      .to.be.ok;
  });
  it('reads at once when the page comes back or the network does, and never two reads at once', async () => {
    await creaRichiesta(s, 'Una.');
    const el = await elemento();
    await finche(() => disclosure(el).length === 1, 'listed');
    const letture = async () => (await s.registro()).tentativi.filter((t) => t.metodo === 'GET').length;
    expect(await letture()).to.equal(1);
    await s.guasti([{ modo: 'lento', ritardoMs: 300, su: 'elenco', volte: 5 }]);
    window.dispatchEvent(new Event('online'));
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new Event('online'));
    // One read now, and the calls made during it folded into one more.
    await finche(async () => (await letture()) === 3, 'two more reads');
    await new Promise((r) => setTimeout(r, 800));
    expect(await letture()).to.equal(3);
  });

  it('backs off on errors, doubling up to 10 minutes, and never reads before Retry-After', async () => {
    await s.guasti([
      { modo: 'stato', stato: 503, retryAfter: '150', su: 'elenco', volte: 1 },
      { modo: 'stato', stato: 503, su: 'elenco' },
    ]);
    const el = await elemento(60);
    await finche(() => testo(el).includes('Non è stato possibile leggere'), 'the error shown');
    const attese: number[] = [];
    for (let i = 0; i < 5; i++) {
      await finche(() => orologio.prossimo !== undefined, 'the next read scheduled');
      attese.push(orologio.prossimo! - orologio.adesso);
      const prima = (await s.registro()).tentativi.length;
      await orologio.avanza(orologio.prossimo! - orologio.adesso);
      await finche(async () => (await s.registro()).tentativi.length === prima + 1, 'read again');
    }
    // Retry-After 150 s beats the first doubled step (120 s); then 240, 480, and the 10 minute cap.
    expect(attese).to.deep.equal([150_000, 240_000, 480_000, 600_000, 600_000]);
  });

  describe('closed rows', () => {
    /** A row's parts as a person reads them: its name, its badges, its first line and its last line. */
    const riga = (el: Element, numero: number) => {
      const b = laRichiesta(el, numero);
      return {
        nome: nome(b),
        badge: [...b.querySelectorAll('[part~=badge]')].map(nome),
        sommario: nome(b.querySelector('[part~=summary]')!),
        meta: nome(b.querySelector('.meta')!),
        datetime: b.querySelector('time')?.getAttribute('datetime'),
      };
    };
    /** The last update of each row, top to bottom. */
    const aggiornamenti = (el: Element) => disclosure(el).map((b) => nome(b.querySelector('.aggiornamento')!));
    const numeriInOrdine = (el: Element) => nomi(el).map((n) => Number(/n\. (\d+)/.exec(n)![1]));
    /** Rome's wall clock "HH:MM" at an instant, computed by Intl (the element computes it by its own means). */
    const oraDiRoma = (iso: string) =>
      new Intl.DateTimeFormat('it-IT', {
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone: 'Europe/Rome',
      }).format(new Date(iso));
    /** A pause, so two changes on the endpoint never share a millisecond. */
    const unAttimo = () => new Promise((r) => setTimeout(r, 5));

    /** An endpoint that answers exactly these requests: a blob URL, which the element GETs as it GETs any endpoint. */
    const elencoFisso = (richieste: Record<string, unknown>[]) =>
      URL.createObjectURL(
        new Blob([JSON.stringify({ richieste: richieste.map((r) => ({ messaggi: [], ...r })) })], {
          type: 'application/json',
        }),
      );
    const conElencoFisso = (richieste: Record<string, unknown>[], lang = 'it') =>
      inLingua(lang, elencoFisso(richieste), richieste.length);
    const fissa = (numero: number, stato: string, aggiornataIl: string, extra: Record<string, unknown> = {}) => ({
      id: `fissa-${numero}`,
      numero,
      stato,
      creataIl: '2025-01-10T08:00:00Z',
      aggiornataIl,
      descrizione: `Richiesta ${numero}.`,
      ...extra,
    });

    it('shows the number, the state and "Nuova risposta" as badges, the first line, the practice and the last update', async () => {
      const conPratica = await creaRichiesta(s, 'Non riesco ad allegare la planimetria.\nIl file è un PDF di 3 MB.', {
        pratica: { tipologia: 'SCIA', numero: '123/2026' },
      });
      await s.sportello.rispondi(conPratica.id, 'Ci manda il file?');
      const senza = await creaRichiesta(s, 'Domanda sui diritti di segreteria');
      const elenco = await s.sportello.elenco();
      const aggiornata = (id: string) => elenco.find((q) => q.id === id)!.aggiornataIl;
      // The element's clock at the later update: both are on its day, "oggi".
      orologio.adesso = Math.max(...elenco.map((q) => Date.parse(q.aggiornataIl)));
      const el = await elemento();
      await finche(() => disclosure(el).length === 2, 'two requests');
      await el.updateComplete;
      const oraCon = oraDiRoma(aggiornata(conPratica.id));
      expect(riga(el, conPratica.numero)).to.deep.equal({
        nome: `Richiesta n. ${conPratica.numero}, In lavorazione, Non riesco ad allegare la planimetria., Nuova risposta, SCIA 123/2026, Ultimo aggiornamento: oggi alle ${oraCon}`,
        badge: ['In lavorazione', 'Nuova risposta'],
        sommario: 'Non riesco ad allegare la planimetria.',
        meta: `Nuova risposta SCIA 123/2026 Ultimo aggiornamento: oggi alle ${oraCon}`,
        datetime: aggiornata(conPratica.id),
      });
      const oraSenza = oraDiRoma(aggiornata(senza.id));
      expect(riga(el, senza.numero)).to.deep.equal({
        nome: `Richiesta n. ${senza.numero}, Ricevuta, Domanda sui diritti di segreteria, Ultimo aggiornamento: oggi alle ${oraSenza}`,
        badge: ['Ricevuta'],
        sommario: 'Domanda sui diritti di segreteria',
        meta: `Ultimo aggiornamento: oggi alle ${oraSenza}`,
        datetime: aggiornata(senza.id),
      });
      // The state's badge has its own look for each state: a colour, beside the word.
      const badge = (numero: number) => laRichiesta(el, numero).querySelector('[part~=badge]')!;
      expect(getComputedStyle(badge(conPratica.numero)).backgroundColor).not.to.equal(
        getComputedStyle(badge(senza.numero)).backgroundColor,
      );
      await expect(el).to.be.accessible();

      const inglese = await inLingua('en', s.endpoint, 2);
      const laInglese = disclosure(inglese).find((b) => nome(b).startsWith(`Request no. ${conPratica.numero},`))!;
      expect(nome(laInglese)).to.equal(
        `Request no. ${conPratica.numero}, In progress, Non riesco ad allegare la planimetria., New reply, SCIA 123/2026, Last updated: today at ${oraCon}`,
      );
      expect(nome(laInglese.querySelector('.meta')!)).to.equal(
        `New reply SCIA 123/2026 Last updated: today at ${oraCon}`,
      );
      await expect(inglese).to.be.accessible();
    });

    it('cuts a long description on a word boundary with "…", in the row and in its name', async () => {
      const lunga =
        'Non riesco ad allegare la planimetria alla SCIA: il portale dice che il file è troppo grande anche se pesa 3 MB';
      const r = await creaRichiesta(s, lunga);
      const el = await elemento();
      await finche(() => disclosure(el).length === 1, 'listed');
      const tagliata = 'Non riesco ad allegare la planimetria alla SCIA: il portale dice che il file è…';
      expect(riga(el, r.numero).sommario).to.equal(tagliata);
      expect(senzaData(riga(el, r.numero).nome)).to.equal(`Richiesta n. ${r.numero}, Ricevuta, ${tagliata}`);
      // Opened, the whole description is there.
      laRichiesta(el, r.numero).click();
      await el.updateComplete;
      expect(nome(root(el).querySelector('[part~=description]')!)).to.equal(lunga);
    });

    it('dates in Rome: today and yesterday in words, older ones as date and time, with the year when not this one', async () => {
      orologio.adesso = Date.parse('2026-12-03T10:30:00+01:00');
      const elenco = [
        fissa(4, 'ricevuta', '2026-12-03T09:01:00Z'),
        fissa(3, 'ricevuta', '2026-12-02T17:30:00Z'),
        fissa(2, 'ricevuta', '2026-12-01T10:01:00Z'),
        fissa(1, 'ricevuta', '2025-12-03T09:01:00Z'),
      ];
      const el = await conElencoFisso(elenco);
      expect(aggiornamenti(el)).to.deep.equal([
        'Ultimo aggiornamento: oggi alle 10:01',
        'Ultimo aggiornamento: ieri alle 18:30',
        'Ultimo aggiornamento: 1 dic, 11:01',
        'Ultimo aggiornamento: 3 dic 2025, 10:01',
      ]);
      const inglese = await conElencoFisso(elenco, 'en');
      expect(aggiornamenti(inglese)).to.deep.equal([
        'Last updated: today at 10:01',
        'Last updated: yesterday at 18:30',
        'Last updated: 1 Dec, 11:01',
        'Last updated: 3 Dec 2025, 10:01',
      ]);
    });

    it('the words follow the clock: past midnight, the next refresh says "ieri" and a date', async () => {
      orologio.adesso = Date.parse('2026-12-03T23:59:30+01:00');
      const el = await conElencoFisso([
        fissa(2, 'ricevuta', '2026-12-03T09:01:00Z'),
        fissa(1, 'ricevuta', '2026-12-02T17:30:00Z'),
      ]);
      expect(aggiornamenti(el)).to.deep.equal([
        'Ultimo aggiornamento: oggi alle 10:01',
        'Ultimo aggiornamento: ieri alle 18:30',
      ]);
      await finche(() => orologio.prossimo !== undefined, 'the next refresh scheduled');
      await orologio.avanza(60_000);
      await finche(() => aggiornamenti(el)[0] === 'Ultimo aggiornamento: ieri alle 10:01', '"ieri" after midnight');
      expect(aggiornamenti(el)[1]).to.equal('Ultimo aggiornamento: 2 dic, 18:30');
    });

    it('orders the rows: waiting for the user’s reply first, then by last activity, newest first', async () => {
      const a = await creaRichiesta(s, 'Prima.');
      await unAttimo();
      const b = await creaRichiesta(s, 'Seconda.');
      await unAttimo();
      const c = await creaRichiesta(s, 'Terza.');
      await unAttimo();
      const d = await creaRichiesta(s, 'Quarta.');
      await unAttimo();
      // The first request moves last: the help desk answers it.
      await s.sportello.rispondi(a.id, 'Risposta alla prima.');
      await unAttimo();
      // Older than the answer above, but the help desk waits for the user on it.
      await s.sportello.rispondi(c.id, 'Ci serve la ricevuta.', 'attesa-utente');
      await unAttimo();
      await s.sportello.rispondi(a.id, 'Ancora una.');
      const el = await elemento();
      await finche(() => disclosure(el).length === 4, 'four requests');
      expect(numeriInOrdine(el)).to.deep.equal([c.numero, a.numero, d.numero, b.numero]);
      // Two waiting for the user: between them, the latest moved first.
      await s.sportello.rispondi(b.id, 'Anche qui ci serve un documento.', 'attesa-utente');
      await orologio.avanza(60_000);
      await finche(() => numeriInOrdine(el)[0] === b.numero, 'the refresh reorders');
      expect(numeriInOrdine(el)).to.deep.equal([b.numero, c.numero, a.numero, d.numero]);
    });

    it('when the order changes, the reply being typed stays with its request, with the focus and the caret', async () => {
      const vecchia = await creaRichiesta(s, 'La più vecchia.');
      await unAttimo();
      const nuova = await creaRichiesta(s, 'La più nuova.');
      const el = await elemento();
      await finche(() => disclosure(el).length === 2, 'listed');
      expect(numeriInOrdine(el)).to.deep.equal([nuova.numero, vecchia.numero]);
      // Both open: the second row's reply box is being typed in, the caret after "Sto".
      laRichiesta(el, nuova.numero).click();
      laRichiesta(el, vecchia.numero).click();
      await el.updateComplete;
      const prima = rispostaDi(el, vecchia.numero).area!;
      prima.focus();
      scriviRisposta(prima, 'Sto scrivendo…');
      prima.setSelectionRange(3, 3);
      await el.updateComplete;
      // The help desk answers the older one: the next refresh puts it on top.
      await unAttimo();
      await s.sportello.rispondi(vecchia.id, 'Una risposta che la porta in cima.');
      await orologio.avanza(60_000);
      await finche(() => numeriInOrdine(el)[0] === vecchia.numero, 'moved to the top');
      await el.updateComplete;
      const dopo = rispostaDi(el, vecchia.numero).area!;
      expect(dopo.value).to.equal('Sto scrivendo…');
      // Compared as a boolean: a failed equality of DOM elements has the runner serialize them whole, which hangs.
      expect(root(el).activeElement === dopo, 'the focus stays in its box').to.be.true;
      expect([dopo.selectionStart, dopo.selectionEnd]).to.deep.equal([3, 3]);
      // The other request's box is its own: not the element that held this text, and empty.
      const altra = rispostaDi(el, nuova.numero).area!;
      expect(altra === prima, 'the element that held the text').to.be.false;
      expect(altra.value).to.equal('');
    });

    describe('"Aperte" / "Tutte"', () => {
      const gruppo = (el: Element) => root(el).querySelector<HTMLElement>('[role=radiogroup]');
      const scelte = (el: Element) =>
        [...root(el).querySelectorAll<HTMLInputElement>('input[type=radio]')].map((input) => ({
          input,
          etichetta: nome(input.closest('label')!),
        }));
      const scelta = (el: Element, inizio: string) => scelte(el).find((x) => x.etichetta.startsWith(inizio))!.input;
      const selezionata = (el: Element) => scelte(el).find((x) => x.input.checked)?.etichetta;

      it('with each count beside it; "Aperte" hides the solved and closed ones; accessible', async () => {
        const stati = ['ricevuta', 'in-lavorazione', 'attesa-utente', 'risolta', 'chiusa'] as const;
        const numeri: Record<string, number> = {};
        for (const st of stati) {
          const r = await creaRichiesta(s, `Stato ${st}.`);
          numeri[st] = r.numero;
          if (st !== 'ricevuta') await s.sportello.cambiaStato(r.id, st);
        }
        const el = await elemento();
        await finche(() => disclosure(el).length === 5, 'five requests');
        const titolo = root(el).getElementById(gruppo(el)!.getAttribute('aria-labelledby')!)!;
        expect(nome(titolo)).to.equal('Mostra');
        expect(scelte(el).map((x) => x.etichetta)).to.deep.equal(['Aperte 3', 'Tutte 5']);
        expect(selezionata(el), 'every request until the user chooses').to.equal('Tutte 5');
        scelta(el, 'Aperte').click();
        await el.updateComplete;
        expect(selezionata(el)).to.equal('Aperte 3');
        expect(numeriInOrdine(el).sort()).to.deep.equal(
          [numeri.ricevuta, numeri['in-lavorazione'], numeri['attesa-utente']].sort(),
        );
        await expect(el).to.be.accessible();
        scelta(el, 'Tutte').click();
        await el.updateComplete;
        expect(disclosure(el)).to.have.length(5);
        // The counts follow the list: a request solved meanwhile leaves "Aperte".
        await s.sportello.cambiaStato(
          (await s.sportello.elenco()).find((q) => q.numero === numeri.ricevuta)!.id,
          'risolta',
        );
        await orologio.avanza(60_000);
        await finche(() => scelte(el)[0].etichetta === 'Aperte 2', 'the counts follow');
        expect(scelte(el).map((x) => x.etichetta)).to.deep.equal(['Aperte 2', 'Tutte 5']);
      });

      it('the choice is kept per user beside the read marks: back after a reload, another user has their own', async () => {
        const aperta = await creaRichiesta(s, 'Aperta.');
        const risolta = await creaRichiesta(s, 'Risolta.');
        await s.sportello.cambiaStato(risolta.id, 'risolta');
        const el = await elemento();
        await finche(() => disclosure(el).length === 2, 'two requests');
        scelta(el, 'Aperte').click();
        await finche(async () => (await consegna.archivio.leggi('filtro:mrossi')) === 'aperte', 'kept');
        // What dimentica('mrossi') removes holds it, beside the read marks.
        expect((await daDimenticare(consegna.archivio, 'mrossi')).chiavi).to.include.members(['filtro:mrossi']);
        el.remove();

        // The choice is read slower than the list arrives: the list still waits for it, never shown unfiltered first.
        const archivio = consegna.archivio;
        const leggi = archivio.leggi.bind(archivio);
        archivio.leggi = async <T>(k: string) => {
          if (k.startsWith('filtro:')) await new Promise((r) => setTimeout(r, 500));
          return leggi<T>(k);
        };
        let righeMostrate = 0;
        let dopo: AssistenzaRichieste | undefined;
        const conta = () => {
          righeMostrate = Math.max(righeMostrate, dopo ? disclosure(dopo).length : 0);
          return righeMostrate > 0;
        };
        const osservatore = new MutationObserver(conta);
        try {
          dopo = await elemento();
          osservatore.observe(root(dopo), { childList: true, subtree: true });
          await finche(conta, 'listed again');
        } finally {
          osservatore.disconnect();
          delete (archivio as { leggi?: unknown }).leggi;
        }
        expect(righeMostrate, 'rows ever shown').to.equal(1);
        expect(numeriInOrdine(dopo)).to.deep.equal([aperta.numero]);
        expect(selezionata(dopo)).to.equal('Aperte 1');

        // Another user on the same computer: their list, and "Tutte" until they choose.
        await s.sessione('abianchi');
        const sua = await creaRichiesta(s, 'Di Anna.');
        dopo.utente = 'abianchi';
        await finche(() => numeriInOrdine(dopo).join() === String(sua.numero), 'Anna’s list');
        expect(selezionata(dopo)).to.equal('Tutte 1');
        expect(await consegna.archivio.leggi('filtro:abianchi')).to.be.undefined;
      });

      it('"Nessuna richiesta aperta." when none is open; new replies among the hidden ones are said', async () => {
        const r = await creaRichiesta(s, 'Risolta con risposta.');
        await s.sportello.rispondi(r.id, 'Fatto: il file ora si carica.', 'risolta');
        const chiusa = await creaRichiesta(s, 'Chiusa.');
        await s.sportello.cambiaStato(chiusa.id, 'chiusa');
        const el = await elemento();
        await finche(() => disclosure(el).length === 2, 'two requests');
        expect(testo(el)).not.to.contain('Ci sono nuove risposte');
        scelta(el, 'Aperte').click();
        await el.updateComplete;
        expect(disclosure(el)).to.have.length(0);
        expect(scelte(el).map((x) => x.etichetta)).to.deep.equal(['Aperte 0', 'Tutte 2']);
        expect(testo(el)).to.contain('Nessuna richiesta aperta.');
        expect(testo(el)).to.contain(
          'Ci sono nuove risposte tra le richieste risolte o chiuse: scegli «Tutte» per vederle.',
        );
        await expect(el).to.be.accessible();
        // Read: nothing more to say about them.
        scelta(el, 'Tutte').click();
        await el.updateComplete;
        laRichiesta(el, r.numero).click();
        await finche(() => el.nonLette === 0, 'read');
        scelta(el, 'Aperte').click();
        await el.updateComplete;
        expect(testo(el)).not.to.contain('Ci sono nuove risposte');
      });
    });
  });

  it('a Retry-After of 30 days on the list waits one hour, then reads again', async () => {
    await s.guasti([{ modo: 'stato', stato: 503, retryAfter: String(30 * 86_400), su: 'elenco', volte: 1 }]);
    const el = await elemento(60);
    await finche(() => testo(el).includes('Non è stato possibile leggere'), 'the error shown');
    await finche(() => orologio.prossimo !== undefined, 'the next read scheduled');
    expect(orologio.prossimo! - orologio.adesso).to.equal(3_600_000);
    await orologio.avanza(3_600_000);
    await finche(() => disclosure(el).length === 0 && testo(el).includes('Non hai ancora inviato'), 'read again');
    expect((await s.registro()).tentativi.map((t) => t.stato)).to.deep.equal([503, 200]);
  });

  it('follows a Link to the next page only on the endpoint’s origin: with the host’s headers, never elsewhere', async () => {
    await s.opzioni({ perPagina: 1 });
    await creaRichiesta(s, 'Prima.');
    await creaRichiesta(s, 'Seconda.');
    // The answer as a server under another origin's control might give it: the next page on another origin.
    const altraOrigine = `http://127.0.0.1:${location.port}`;
    const vero = window.fetch;
    window.fetch = async (...a: Parameters<typeof fetch>) => {
      const r = await vero(...a);
      const link = r.headers.get('Link');
      if (!link) return r;
      const intestazioni = new Headers(r.headers);
      intestazioni.set('Link', link.replace('<', `<${altraOrigine}`));
      const altra = new Response(r.body, { status: r.status, headers: intestazioni });
      // What a real answer has, and a Response made here does not: the URL it came from.
      return Object.defineProperty(altra, 'url', { value: r.url });
    };
    try {
      const el = await elemento();
      el.headers = { 'X-CSRF-Token': 'segreto' };
      await finche(() => disclosure(el).length === 1, 'the first page listed');
      await el.updateComplete;
      const precedenti = [...root(el).querySelectorAll('button')].filter(
        (b) => nome(b) === 'Mostra le richieste precedenti',
      );
      expect(precedenti, 'no way to the other origin').to.deep.equal([]);
    } finally {
      window.fetch = vero;
    }
  });
});
