import { fixture, html, expect } from '@open-wc/testing';
import '../src/index.js';
import type { AssistenzaProvider, AssistenzaTempiRisposta, DatiTempi } from '../src/index.js';
import { ATTESA_MS } from '../src/tempi-risposta/fonte-controller.js';
import { OrologioFinto, conAvvisi, finche, nuovoSecchio, type Secchio } from './helpers.js';

const root = (el: Element) => el.shadowRoot!;
const pulito = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
/** The figures as a screen reader meets them: each term with its definition. */
const cifre = (el: Element) =>
  [...root(el).querySelectorAll('dl > div')].map(
    (r) => `${pulito(r.querySelector('dt')!.textContent)}: ${pulito(r.querySelector('dd')!.textContent)}`,
  );
const data = (el: Element) => pulito(root(el).querySelector('[part~=date]')!.textContent);

describe('<assistenza-tempi-risposta>', () => {
  it('gives the seed’s figures as text, in Italian number format, with the date of the data', async () => {
    const el = await fixture<AssistenzaTempiRisposta>(html`<assistenza-tempi-risposta></assistenza-tempi-risposta>`);
    expect(pulito(root(el).querySelector('h2')!.textContent)).to.equal('Tempi di risposta dell’assistenza');
    expect(cifre(el)).to.deep.equal([
      'entro 10 minuti: 23,5%',
      'entro 30 minuti: oltre il 50%',
      'entro un’ora: quasi il 70%',
      'entro la giornata (8 ore): oltre l’80%',
      'oltre 24 ore: solo il 5%',
    ]);
    expect(data(el)).to.equal('Dati aggiornati a febbraio 2026.');
    expect(root(el).querySelector('time')!.getAttribute('datetime')).to.equal('2026-02');
    await expect(el).to.be.accessible();
  });

  it('draws each figure as a bar of its length, hidden from assistive technology that reads the text', async () => {
    const el = await fixture<AssistenzaTempiRisposta>(html`<assistenza-tempi-risposta></assistenza-tempi-risposta>`);
    const svg = [...root(el).querySelectorAll('svg')];
    expect(svg).to.have.length(5);
    for (const s of svg) expect(s.getAttribute('aria-hidden')).to.equal('true');
    expect(svg.map((s) => Number(s.querySelector('.quota')!.getAttribute('width')))).to.deep.equal([
      23.5, 50, 70, 80, 5,
    ]);
    const [primo, ultimo] = [svg[0], svg[4]].map(
      (s) => s.querySelector('.quota')!.getBoundingClientRect().width / s.getBoundingClientRect().width,
    );
    expect(primo).to.be.closeTo(0.235, 0.01);
    expect(ultimo).to.be.closeTo(0.05, 0.01);
  });

  it('lists the usual causes of a delay beyond 24 hours', async () => {
    const el = await fixture<AssistenzaTempiRisposta>(html`<assistenza-tempi-risposta></assistenza-tempi-risposta>`);
    const cause = [...root(el).querySelectorAll('[part~=causes] li')].map((l) => pulito(l.textContent));
    expect(cause).to.have.length(3);
    expect(cause[0]).to.contain('fine settimana');
    expect(cause[1]).to.contain('intervento dell’Ente');
    expect(cause[2]).to.contain('correzione del software');
  });

  it('shows new figures and their date from the dati property or JSON attribute', async () => {
    const nuovi: DatiTempi = {
      aggiornati: '2026-09',
      entro: [
        { minuti: 15, percentuale: 31.25 },
        { minuti: 120, percentuale: 81, circa: 'quasi' },
      ],
    };
    const el = await fixture<AssistenzaTempiRisposta>(
      html`<assistenza-tempi-risposta dati=${JSON.stringify(nuovi)}></assistenza-tempi-risposta>`,
    );
    expect(cifre(el)).to.deep.equal(['entro 15 minuti: 31,3%', 'entro 2 ore: quasi l’81%']);
    expect(data(el)).to.equal('Dati aggiornati a settembre 2026.');
    el.dati = { ...nuovi, aggiornati: '2027-01', oltre: { minuti: 2880, percentuale: 2 } };
    await el.updateComplete;
    expect(cifre(el).at(-1)).to.equal('oltre 48 ore: 2%');
    expect(data(el)).to.equal('Dati aggiornati a gennaio 2027.');
  });

  it('keeps the default figures and warns clearly on a bad JSON attribute or bad figures, without throwing', async () => {
    const [el, avvisi] = await conAvvisi(() =>
      fixture<AssistenzaTempiRisposta>(
        html`<assistenza-tempi-risposta dati="{aggiornati: 2026"></assistenza-tempi-risposta>`,
      ),
    );
    expect(cifre(el)[0]).to.equal('entro 10 minuti: 23,5%');
    expect(avvisi).to.have.length(1);
    expect(String(avvisi[0][0])).to.equal('<assistenza-tempi-risposta> dati non validi');
    expect(avvisi[0][1]).to.equal('{aggiornati: 2026');
    const [, ancora] = await conAvvisi(async () => {
      el.dati = { aggiornati: 'febbraio', entro: [{ minuti: 10, percentuale: 230 }] };
      await el.updateComplete;
    });
    expect(ancora).to.have.length(1);
    expect(data(el)).to.equal('Dati aggiornati a febbraio 2026.');
  });

  it('speaks English under lang="en", fits the outline with livello, and takes text overrides', async () => {
    const box = await fixture<HTMLElement>(
      html`<div lang="en"><assistenza-tempi-risposta livello="3"></assistenza-tempi-risposta></div>`,
    );
    const el = box.firstElementChild as AssistenzaTempiRisposta;
    await el.updateComplete;
    expect(pulito(root(el).querySelector('h3')!.textContent)).to.equal('Support response times');
    expect(cifre(el)[0]).to.equal('within 10 minutes: 23.5%');
    expect(cifre(el)[3]).to.equal('within the working day (8 hours): over 80%');
    expect(data(el)).to.equal('Figures as of February 2026.');
    el.testi = { tempi: { titolo: 'How fast we answer' } };
    await el.updateComplete;
    expect(pulito(root(el).querySelector('h3')!.textContent)).to.equal('How fast we answer');
    await expect(el).to.be.accessible();
  });
  for (const larghezza of [1280, 390]) {
    it(`at ${larghezza} px every row's track is as long, whatever its figure's text, and no figure breaks`, async () => {
      const box = await fixture<HTMLElement>(
        html`<div style="width: ${larghezza}px"><assistenza-tempi-risposta></assistenza-tempi-risposta></div>`,
      );
      const el = box.firstElementChild as AssistenzaTempiRisposta;
      await el.updateComplete;
      const larghezze = [...root(el).querySelectorAll('svg')].map((s) => Math.round(s.getBoundingClientRect().width));
      expect(larghezze).to.have.length(5);
      expect(new Set(larghezze).size, String(larghezze)).to.equal(1);
      expect(larghezze[0]).to.be.greaterThan(40);
      for (const dd of root(el).querySelectorAll('dd')) {
        const testo = [...dd.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())!;
        const r = document.createRange();
        r.selectNodeContents(testo);
        const righe = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top)));
        expect(righe.size, testo.textContent!).to.equal(1);
      }
    });
  }
});

/** The published figures (the help page's, February 2026), as the element gives them without `fonte`'s. */
const PUBBLICATI = [
  'entro 10 minuti: 23,5%',
  'entro 30 minuti: oltre il 50%',
  'entro un’ora: quasi il 70%',
  'entro la giornata (8 ore): oltre l’80%',
  'oltre 24 ore: solo il 5%',
];

/** This month in Rome, as the element names it: the server's `aggiornati`. */
const questoMese = (locale: string) =>
  new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'Europe/Rome' }).format(new Date());

const inLettura = (el: Element) => el.matches(':state(caricamento)');

/** The bucket's reads of its …/tempi-risposta, with how each was answered. */
const letture = async (s: Secchio) =>
  (await s.registro()).tentativi.filter((t) => t.percorso.endsWith('/tempi-risposta')).map((t) => t.stato);

/** The element reading `url`, on a clock of the test's own: its 10 s limit cannot run out on a slow machine. */
const conFonte = (url: string, orologio = new OrologioFinto()) =>
  fixture<AssistenzaTempiRisposta>(
    html`<assistenza-tempi-risposta fonte=${url} .orologio=${orologio}></assistenza-tempi-risposta>`,
  );

/** Waits until the element has finished reading `fonte` (answered, refused or given up), then for its render. */
async function letto(el: AssistenzaTempiRisposta): Promise<void> {
  await finche(() => !inLettura(el), '<assistenza-tempi-risposta> still reading its fonte');
  await el.updateComplete;
}

describe('<assistenza-tempi-risposta fonte>: the help desk’s own figures', () => {
  // The server computes them from test/server/storico.ts: 1,040 requests in the last 90 days, 260 solved within
  // 10 minutes, 468 within 30, 624 within the hour, 832 within 8 hours, 52 after more than 24 hours and 78 still
  // open after three days.
  const DAL_SERVER = [
    'entro 10 minuti: 25%',
    'entro 30 minuti: 45%',
    'entro un’ora: 60%',
    'entro la giornata (8 ore): 80%',
    'oltre 24 ore: 12,5%',
  ];

  it('shows the figures the server computes, with this month and how many requests they come from', async () => {
    const s = nuovoSecchio();
    const el = await conFonte(s.tempiRisposta);
    await letto(el);
    expect(cifre(el)).to.deep.equal(DAL_SERVER);
    // The engine's Italian number: CLDR groups digits from five on (1040) in Chromium and Firefox, WebKit's from four.
    const n = (1040).toLocaleString('it-IT');
    expect(data(el)).to.equal(`Dati aggiornati a ${questoMese('it-IT')}, su ${n} richieste.`);
    expect([...root(el).querySelectorAll('svg .quota')].map((q) => Number(q.getAttribute('width')))).to.deep.equal([
      25, 45, 60, 80, 12.5,
    ]);
    // The causes of a delay stay as the help page has them.
    expect(root(el).querySelectorAll('[part~=causes] li')).to.have.length(3);
    expect(await letture(s)).to.deep.equal([200]);
    await expect(el).to.be.accessible();
  });

  it('says it in English under lang="en"', async () => {
    const s = nuovoSecchio();
    const box = await fixture<HTMLElement>(
      html`<div lang="en">
        <assistenza-tempi-risposta
          fonte=${s.tempiRisposta}
          .orologio=${new OrologioFinto()}
        ></assistenza-tempi-risposta>
      </div>`,
    );
    const el = box.querySelector('assistenza-tempi-risposta')!;
    await letto(el);
    expect(cifre(el)).to.deep.equal([
      'within 10 minutes: 25%',
      'within 30 minutes: 45%',
      'within an hour: 60%',
      'within the working day (8 hours): 80%',
      'more than 24 hours: 12.5%',
    ]);
    expect(data(el)).to.equal(`Figures as of ${questoMese('en-GB')}, based on 1,040 requests.`);
    await expect(el).to.be.accessible();
  });

  it('takes fonte from the provider’s fonte-tempi, follows a change of it, and its own fonte wins', async () => {
    const vuoto = nuovoSecchio();
    await vuoto.opzioni({ statisticheMinimo: 5000 });
    const pieno = nuovoSecchio();
    // Another URL for the element's own: the browser may keep the 404 it had for five minutes, as the server allows.
    const proprio = nuovoSecchio();
    await proprio.opzioni({ statisticheMinimo: 5000 });
    const provider = await fixture<AssistenzaProvider>(
      html`<assistenza-provider fonte-tempi=${vuoto.tempiRisposta}>
        <assistenza-tempi-risposta .orologio=${new OrologioFinto()}></assistenza-tempi-risposta>
      </assistenza-provider>`,
    );
    const el = provider.querySelector('assistenza-tempi-risposta')!;
    await finche(async () => (await letture(vuoto)).length === 1, 'the provider’s fonte read');
    await letto(el);
    expect(cifre(el)).to.deep.equal(PUBBLICATI);
    provider.fonteTempi = pieno.tempiRisposta;
    await finche(() => cifre(el)[0] === DAL_SERVER[0], 'the new fonte’s figures');
    expect(cifre(el)).to.deep.equal(DAL_SERVER);
    el.fonte = proprio.tempiRisposta;
    await finche(async () => (await letture(proprio)).length === 1, 'its own fonte read');
    await letto(el);
    expect(cifre(el)).to.deep.equal(PUBBLICATI);
  });
});

describe('<assistenza-tempi-risposta fonte>: when the server has no figures to give', () => {
  it('shows the published figures with their own date while reading, and keeps them on a 404 (too few requests)', async () => {
    const s = nuovoSecchio();
    await s.opzioni({ statisticheMinimo: 5000 });
    await s.guasti([{ modo: 'lento', ritardoMs: 1500 }]);
    const el = await conFonte(s.tempiRisposta);
    expect(inLettura(el), 'reading').to.equal(true);
    expect(cifre(el)).to.deep.equal(PUBBLICATI);
    expect(data(el)).to.equal('Dati aggiornati a febbraio 2026.');
    await letto(el);
    expect(await letture(s)).to.deep.equal([404]);
    expect(cifre(el)).to.deep.equal(PUBBLICATI);
    expect(data(el)).to.equal('Dati aggiornati a febbraio 2026.');
    await expect(el).to.be.accessible();
  });

  it('shows its dati attribute while reading and after an error, in English too', async () => {
    const s = nuovoSecchio();
    await s.guasti([{ modo: 'stato', stato: 503, ritardoMs: 1000 }]);
    const dati: DatiTempi = {
      aggiornati: '2026-09',
      richieste: 87,
      entro: [{ minuti: 15, percentuale: 31.2 }],
      oltre: { minuti: 1440, percentuale: 6.9 },
    };
    const box = await fixture<HTMLElement>(
      html`<div lang="en">
        <assistenza-tempi-risposta
          fonte=${s.tempiRisposta}
          dati=${JSON.stringify(dati)}
          .orologio=${new OrologioFinto()}
        ></assistenza-tempi-risposta>
      </div>`,
    );
    const el = box.querySelector('assistenza-tempi-risposta')!;
    const attesi = ['within 15 minutes: 31.2%', 'more than 24 hours: 6.9%'];
    expect(inLettura(el), 'reading').to.equal(true);
    expect(cifre(el)).to.deep.equal(attesi);
    await letto(el);
    expect(await letture(s)).to.deep.equal([503]);
    expect(cifre(el)).to.deep.equal(attesi);
    expect(data(el)).to.equal('Figures as of September 2026, based on 87 requests.');
  });

  it('keeps the published figures when the connection drops, or something else answers with a page', async () => {
    for (const guasto of [{ modo: 'rete' }, { modo: 'portale' }] as const) {
      const s = nuovoSecchio();
      await s.guasti([guasto]);
      const el = await conFonte(s.tempiRisposta);
      await letto(el);
      expect(await letture(s), guasto.modo).to.have.length(1);
      expect(cifre(el), guasto.modo).to.deep.equal(PUBBLICATI);
    }
  });

  it('warns about an answer of another shape and keeps the published figures', async () => {
    const s = nuovoSecchio();
    // A 200 whose JSON is not figures.
    await s.guasti([{ modo: 'stato', stato: 200, messaggio: 'Benvenuto' }]);
    const [el, avvisi] = await conAvvisi(async () => {
      const e = await conFonte(s.tempiRisposta);
      await letto(e);
      return e;
    });
    expect(cifre(el)).to.deep.equal(PUBBLICATI);
    expect(avvisi).to.have.length(1);
    expect(String(avvisi[0][0])).to.equal('<assistenza-tempi-risposta> dati non validi da');
    expect(avvisi[0][1]).to.equal(s.tempiRisposta);
  });

  it('gives up a read that gets no answer after 10 seconds, keeping what it shows', async () => {
    const s = nuovoSecchio();
    await s.guasti([{ modo: 'appeso' }]);
    const orologio = new OrologioFinto();
    const el = await conFonte(s.tempiRisposta, orologio);
    await finche(async () => (await letture(s)).length === 1, 'the read reached the server');
    await orologio.avanza(ATTESA_MS - 1);
    await el.updateComplete;
    expect(inLettura(el), 'still reading before 10 s').to.equal(true);
    await orologio.avanza(1);
    await letto(el);
    expect(ATTESA_MS).to.equal(10_000);
    expect(cifre(el)).to.deep.equal(PUBBLICATI);
    expect(data(el)).to.equal('Dati aggiornati a febbraio 2026.');
  });
});
