// The elements follow the nearest lang when it changes, without a reload: on <html>, or on an ancestor inside another
// component's shadow root.
import { fixture, html, expect } from '@open-wc/testing';
import '../src/index.js';
import { OrologioFinto, pulisciArchivio, nuovoSecchio } from './helpers.js';

const titolo = (el: Element) => el.shadowRoot!.querySelector('h2, [role=heading]')?.textContent?.trim();
const aggiornati = (els: Element[]) =>
  Promise.all(els.map((e) => (e as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete));

describe('the language follows the page', () => {
  const lang = document.documentElement.getAttribute('lang');
  beforeEach(pulisciArchivio);
  afterEach(() => {
    if (lang === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', lang);
  });

  it('every element re-renders when <html lang> changes, and back', async () => {
    document.documentElement.setAttribute('lang', 'it');
    const s = nuovoSecchio();
    const box = await fixture<HTMLElement>(
      html`<div>
        <assistenza-ticket-form endpoint=${s.endpoint}></assistenza-ticket-form>
        <assistenza-telefonica
          abilitata
          numero="06 1234 5678"
          .orologio=${new OrologioFinto(Date.UTC(2026, 2, 9, 9))}
        ></assistenza-telefonica>
        <assistenza-limiti></assistenza-limiti>
        <assistenza-tempi-risposta></assistenza-tempi-risposta>
        <assistenza-richieste endpoint=${s.endpoint}></assistenza-richieste>
      </div>`,
    );
    const [form, tel, limiti, tempi, richieste] = [...box.children];
    await aggiornati([form, tel, limiti, tempi, richieste]);
    expect([titolo(tel), titolo(limiti), titolo(tempi), titolo(richieste)]).to.deep.equal([
      'Assistenza tecnica telefonica',
      'Cosa non possiamo risolvere',
      'Tempi di risposta dell’assistenza',
      'Le mie richieste',
    ]);
    expect(form.shadowRoot!.querySelector('button[type=submit]')!.textContent!.trim()).to.equal('Invia richiesta');

    document.documentElement.setAttribute('lang', 'en');
    await new Promise((r) => setTimeout(r, 0));
    await aggiornati([form, tel, limiti, tempi, richieste]);
    expect([titolo(tel), titolo(limiti), titolo(tempi), titolo(richieste)]).to.deep.equal([
      'Phone support',
      'What we cannot solve',
      'Support response times',
      'My requests',
    ]);
    expect(form.shadowRoot!.querySelector('button[type=submit]')!.textContent!.trim()).to.equal('Send request');

    document.documentElement.setAttribute('lang', 'it-IT');
    await new Promise((r) => setTimeout(r, 0));
    await aggiornati([tel]);
    expect(titolo(tel)).to.equal('Assistenza tecnica telefonica');
  });

  it('follows a lang set on an ancestor inside another component’s shadow root', async () => {
    const ospite = await fixture<HTMLElement>(html`<div></div>`);
    const ombra = ospite.attachShadow({ mode: 'open' });
    ombra.innerHTML = '<section lang="it"><assistenza-limiti></assistenza-limiti></section>';
    const limiti = ombra.querySelector('assistenza-limiti')!;
    await aggiornati([limiti]);
    expect(titolo(limiti)).to.equal('Cosa non possiamo risolvere');
    ombra.querySelector('section')!.setAttribute('lang', 'en');
    await new Promise((r) => setTimeout(r, 0));
    await aggiornati([limiti]);
    expect(titolo(limiti)).to.equal('What we cannot solve');
    // An element's own lang wins, and changing it counts too.
    limiti.setAttribute('lang', 'it');
    await new Promise((r) => setTimeout(r, 0));
    await aggiornati([limiti]);
    expect(titolo(limiti)).to.equal('Cosa non possiamo risolvere');
  });
});
