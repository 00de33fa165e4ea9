import { fixture, html, expect } from '@open-wc/testing';
import '../src/index.js';
import type { AssistenzaTempiRisposta, DatiTempi } from '../src/index.js';
import { conAvvisi } from './helpers.js';

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
