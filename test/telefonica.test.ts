import { fixture, html, expect } from '@open-wc/testing';
import '../src/index.js';
import type { AssistenzaTelefonica, Orologio } from '../src/index.js';
import { OrologioFinto, conAvvisi } from './helpers.js';
import { telDa } from '../src/telefonica/telefonica.js';

// Monday 9 March 2026 in Rome (CET, UTC+1), at the given time.
const lunedi = (h: number, m = 0) => Date.UTC(2026, 2, 9, h - 1, m);
const MIN = 60_000;

const testo = (el: Element, sel: string) => el.shadowRoot!.querySelector(sel)?.textContent!.replace(/\s+/g, ' ').trim();
const titolo = (el: Element) =>
  el.shadowRoot!.querySelector('h1, h2, h3, h4, h5, h6, [role=heading]') as HTMLElement | null;
const stato = (el: Element) => testo(el, '[part~=status]');
const link = (el: Element) => el.shadowRoot!.querySelector('a')!;

async function telefonica(orologio: Orologio, attrs = 'abilitata numero="06 1234 5678"') {
  const box = await fixture<HTMLElement>(`<div></div>`);
  box.innerHTML = `<assistenza-telefonica ${attrs}></assistenza-telefonica>`;
  const el = box.firstElementChild as AssistenzaTelefonica;
  el.orologio = orologio;
  await el.updateComplete;
  return el;
}

describe('<assistenza-telefonica>', () => {
  it('renders nothing and takes no space unless enabled', async () => {
    const o = new OrologioFinto(lunedi(10));
    const el = await telefonica(o, 'numero="06 1234 5678"');
    expect(el.shadowRoot!.textContent!.trim()).to.equal('');
    const r = el.getBoundingClientRect();
    expect([r.width, r.height]).to.deep.equal([0, 0]);
    expect(o.scadenze, 'no timer for a line that is not there').to.have.length(0);
  });

  it('shows the title, the number as a tel: link and the hours as the seed writes them', async () => {
    const el = await telefonica(new OrologioFinto(lunedi(10)));
    expect(titolo(el)!.tagName).to.equal('H2');
    expect(titolo(el)!.textContent).to.equal('Assistenza tecnica telefonica');
    expect(testo(el, '[part~=number]')).to.equal('Puoi chiamare il numero 06 1234 5678');
    expect(link(el).textContent).to.equal('06 1234 5678');
    expect(link(el).getAttribute('href')).to.equal('tel:+390612345678');
    expect(testo(el, '[part~=hours]')).to.equal(
      'Orari: da lunedì a venerdì, 8.30 - 12.30 e 14.00 - 18.00, esclusi i festivi.',
    );
    expect(stato(el)).to.equal('Aperto ora');
    expect(el.getBoundingClientRect().height).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
  });

  it('normalises the number for dialling', () => {
    expect(telDa('06 1234.5678')).to.equal('tel:+390612345678');
    expect(telDa('+39 347 123 45 67')).to.equal('tel:+393471234567');
    expect(telDa('0039 0521-123456')).to.equal('tel:+390521123456');
    expect(telDa('(0521) 12/34.56')).to.equal('tel:+390521123456');
    expect(telDa('800 123 456')).to.equal('tel:+39800123456');
    expect(telDa('+41 22 123 45 67')).to.equal('tel:+41221234567');
  });

  it('says when it reopens, closed over lunch and in the evening', async () => {
    const el = await telefonica(new OrologioFinto(lunedi(13)));
    expect(stato(el)).to.equal('Chiuso, riapre alle 14.00');
    el.orologio = new OrologioFinto(lunedi(18, 30));
    await el.updateComplete;
    expect(stato(el)).to.equal('Chiuso, riapre domani alle 8.30');
    // Friday 13 March, evening.
    el.orologio = new OrologioFinto(Date.UTC(2026, 2, 13, 18));
    await el.updateComplete;
    expect(stato(el)).to.equal('Chiuso, riapre lunedì alle 8.30');
    await expect(el).to.be.accessible();
  });

  it('closes by itself at 12.30 and reopens at 14.00, with one timer for each change, not a poll', async () => {
    const o = new OrologioFinto(lunedi(12));
    const el = await telefonica(o);
    expect(stato(el)).to.equal('Aperto ora');
    expect(o.scadenze).to.deep.equal([lunedi(12, 30)]);
    await o.avanza(29 * MIN, () => el.updateComplete);
    expect(stato(el)).to.equal('Aperto ora');
    await o.avanza(1 * MIN, () => el.updateComplete);
    expect(stato(el)).to.equal('Chiuso, riapre alle 14.00');
    // 14.00 is more than an hour away: one check at 13.30 (the longest a timer waits), then 14.00.
    expect(o.scadenze).to.deep.equal([lunedi(13, 30)]);
    await o.avanza(60 * MIN, () => el.updateComplete);
    expect(o.scadenze).to.deep.equal([lunedi(14)]);
    await o.avanza(30 * MIN, () => el.updateComplete);
    expect(stato(el)).to.equal('Aperto ora');
  });

  it('goes through a weekend by itself: Friday evening to Monday 8.30, "domani" on Sunday', async () => {
    const o = new OrologioFinto(Date.UTC(2026, 2, 13, 17, 0)); // Friday 18.00
    const el = await telefonica(o);
    expect(stato(el)).to.equal('Chiuso, riapre lunedì alle 8.30');
    // No timer further than an hour: a computer that slept must not show a stale state for long.
    expect(o.scadenze[0] - o.adesso).to.be.at.most(60 * MIN);
    await o.avanza(31 * 60 * MIN, () => el.updateComplete); // Sunday 1.00
    expect(stato(el)).to.equal('Chiuso, riapre domani alle 8.30');
    await o.avanza(31 * 60 * MIN + 29 * MIN, () => el.updateComplete); // Monday 8.29
    expect(stato(el)).to.equal('Chiuso, riapre alle 8.30');
    await o.avanza(MIN, () => el.updateComplete);
    expect(stato(el)).to.equal('Aperto ora');
  });

  it('is closed on the Ente’s closing days and on national holidays', async () => {
    const el = await telefonica(new OrologioFinto(lunedi(10)), 'abilitata numero="06 1234 5678" chiusure="2026-03-09"');
    expect(stato(el)).to.equal('Chiuso, riapre domani alle 8.30');
    // 2 June 2026, a Tuesday, 10.00 CEST.
    el.orologio = new OrologioFinto(Date.UTC(2026, 5, 2, 8));
    await el.updateComplete;
    expect(stato(el)).to.equal('Chiuso, riapre domani alle 8.30');
  });

  it('takes other slots and weekdays from its attributes', async () => {
    const el = await telefonica(
      new OrologioFinto(lunedi(14)),
      'abilitata numero="0521 123456" orari="09:00-13:00" giorni="lun,mer,ven"',
    );
    expect(testo(el, '[part~=hours]')).to.equal('Orari: lunedì, mercoledì e venerdì, 9.00 - 13.00, esclusi i festivi.');
    expect(stato(el)).to.equal('Chiuso, riapre mercoledì alle 9.00');
  });

  it('is enabled and configured by the provider’s ente, and follows its changes', async () => {
    const o = new OrologioFinto(lunedi(10));
    const ente = { telefono: { abilitata: true, numero: '0521 123456', orari: '09:00-13:00' } };
    const p = await fixture<HTMLElement & { ente: unknown }>(
      html`<assistenza-provider .ente=${ente}
        ><assistenza-telefonica .orologio=${o}></assistenza-telefonica
      ></assistenza-provider>`,
    );
    const el = p.querySelector('assistenza-telefonica')!;
    await el.updateComplete;
    expect(link(el).getAttribute('href')).to.equal('tel:+390521123456');
    expect(testo(el, '[part~=hours]')).to.contain('9.00 - 13.00');
    expect(stato(el)).to.equal('Aperto ora');
    p.ente = { telefono: { abilitata: false, numero: '0521 123456' } };
    await el.updateComplete;
    expect(el.getBoundingClientRect().height).to.equal(0);
    expect(o.scadenze).to.have.length(0);
    // The attribute enables it as well, with the provider's number.
    el.abilitata = true;
    await el.updateComplete;
    expect(link(el).textContent).to.equal('0521 123456');
  });

  it('warns once about a wrong configuration and still shows the number, without hours', async () => {
    const [el, avvisi] = await conAvvisi(async () => {
      const el = await telefonica(
        new OrologioFinto(lunedi(10)),
        'abilitata numero="06 1234 5678" giorni="lunedì-venerdì"',
      );
      el.requestUpdate();
      await el.updateComplete;
      return el;
    });
    expect(avvisi).to.have.length(1);
    expect(String(avvisi[0][0])).to.contain('giorni: "lunedì-venerdì" non valido');
    expect(link(el).getAttribute('href')).to.equal('tel:+390612345678');
    expect(el.shadowRoot!.querySelector('[part~=hours], [part~=status]')).to.equal(null);
  });

  it('speaks English under lang="en" and takes text overrides', async () => {
    const box = await fixture<HTMLElement>(
      html`<div lang="en">
        <assistenza-telefonica
          abilitata
          numero="06 1234 5678"
          .orologio=${new OrologioFinto(lunedi(13))}
        ></assistenza-telefonica>
      </div>`,
    );
    const el = box.firstElementChild as AssistenzaTelefonica;
    await el.updateComplete;
    expect(titolo(el)!.textContent).to.equal('Phone support');
    expect(testo(el, '[part~=hours]')).to.equal(
      'Hours: Monday to Friday, 8:30 - 12:30 and 14:00 - 18:00, except public holidays.',
    );
    expect(stato(el)).to.equal('Closed, reopens at 14:00');
    el.testi = { telefonica: { titolo: 'Call us' } };
    await el.updateComplete;
    expect(titolo(el)!.textContent).to.equal('Call us');
  });

  it('puts its title at the heading level the page needs', async () => {
    const el = await telefonica(new OrologioFinto(lunedi(10)), 'abilitata numero="06 1234 5678" livello="3"');
    expect(titolo(el)!.tagName).to.equal('H3');
    el.livello = 4;
    await el.updateComplete;
    expect(titolo(el)!.getAttribute('role')).to.equal('heading');
    expect(titolo(el)!.getAttribute('aria-level')).to.equal('4');
    await expect(el).to.be.accessible();
  });

  it('stops its timer when removed from the page', async () => {
    const o = new OrologioFinto(lunedi(10));
    const el = await telefonica(o);
    expect(o.scadenze).to.have.length(1);
    el.remove();
    expect(o.scadenze).to.have.length(0);
  });
});
