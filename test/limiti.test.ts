import { fixture, html, expect } from '@open-wc/testing';
import '../src/index.js';
import type { AssistenzaLimiti } from '../src/index.js';

const root = (el: Element) => el.shadowRoot!;
const titoli = (el: Element) =>
  [...root(el).querySelectorAll('h2, h3, [role=heading]')].map((h) => [
    h.tagName === 'DIV' ? `L${h.getAttribute('aria-level')}` : h.tagName,
    h.textContent!.trim(),
  ]);
const dettagli = (el: Element) => root(el).querySelector('details')!;
const sommario = (el: Element) => root(el).querySelector('summary')!;
/** What a person sees: the text of the flat tree (slotted content or the slot's own), leaving out what is not rendered. */
function visibile(n: Node): string {
  if (n.nodeType === Node.TEXT_NODE) return n.textContent!;
  if (!(n instanceof Element)) return '';
  // A slot has no box of its own (display: contents), so only its content can say whether it is rendered.
  if (!(n instanceof HTMLSlotElement) && !n.checkVisibility()) return '';
  const figli = n instanceof HTMLSlotElement ? n.assignedNodes({ flatten: true }) : [...(n.shadowRoot ?? n).childNodes];
  return figli.map(visibile).join(' ').replace(/\s+/g, ' ').trim();
}

describe('<assistenza-limiti>', () => {
  it('is a disclosure titled "Cosa non possiamo risolvere", collapsed by default', async () => {
    const el = await fixture<AssistenzaLimiti>(html`<assistenza-limiti></assistenza-limiti>`);
    expect(titoli(el)[0]).to.deep.equal(['H2', 'Cosa non possiamo risolvere']);
    expect(dettagli(el).open).to.be.false;
    expect(sommario(el).textContent!.trim()).to.equal('I casi di competenza dell’Ente');
    expect(visibile(el)).not.to.contain('PagoPA');
    await expect(el).to.be.accessible();
  });

  it('opens with espanso, and on the summary, reflecting the state', async () => {
    const el = await fixture<AssistenzaLimiti>(html`<assistenza-limiti espanso></assistenza-limiti>`);
    expect(dettagli(el).open).to.be.true;
    expect(visibile(el)).to.contain('Pagamenti con PagoPA');
    sommario(el).click();
    await new Promise((r) => dettagli(el).addEventListener('toggle', r, { once: true }));
    await el.updateComplete;
    expect(el.espanso).to.be.false;
    expect(el.hasAttribute('espanso')).to.be.false;
    el.espanso = true;
    await el.updateComplete;
    expect(dettagli(el).open).to.be.true;
  });

  it('lists the seed’s four cases, each with who can act and what the help desk can still do', async () => {
    const el = await fixture<AssistenzaLimiti>(html`<assistenza-limiti espanso></assistenza-limiti>`);
    expect(titoli(el).slice(1)).to.deep.equal([
      ['H3', 'Pagamenti con PagoPA'],
      ['H3', 'Tipologia di pratica e documenti'],
      ['H3', 'Modulistica nazionale e regionale'],
      ['H3', 'Volture'],
    ]);
    const casi = [...root(el).querySelectorAll('[part~=case]')].map((c) => c.textContent!.replace(/\s+/g, ' '));
    expect(casi).to.have.length(4);
    for (const c of casi) {
      expect(c).to.contain('Chi può intervenire: L’Ente');
      expect(c).to.contain('Cosa possiamo fare:');
    }
    expect(casi[0]).to.contain('se hai pagato con bonifico dove era previsto PagoPA');
    await expect(el).to.be.accessible();
  });

  it('lets the host replace a case and add others through slots', async () => {
    const el = await fixture<AssistenzaLimiti>(
      html`<assistenza-limiti espanso>
        <div slot="volture">
          <h3>Volture e subentri</h3>
          <p>Scrivi all’ufficio tecnico del tuo Comune.</p>
        </div>
        <div>
          <h3>Accesso agli atti</h3>
          <p>Chiedilo all’Ente.</p>
        </div>
      </assistenza-limiti>`,
    );
    const testo = visibile(el);
    expect(testo).to.contain('Volture e subentri');
    expect(testo).not.to.contain('Non possiamo effettuare volture');
    expect(testo.indexOf('Accesso agli atti')).to.be.greaterThan(testo.indexOf('Modulistica nazionale'));
    expect(testo).to.contain('Pagamenti con PagoPA');
    await expect(el).to.be.accessible();
  });

  it('fits the host page’s outline with livello', async () => {
    const el = await fixture<AssistenzaLimiti>(html`<assistenza-limiti espanso livello="3"></assistenza-limiti>`);
    expect(titoli(el)[0]).to.deep.equal(['H3', 'Cosa non possiamo risolvere']);
    expect(titoli(el)[1]).to.deep.equal(['L4', 'Pagamenti con PagoPA']);
    await expect(el).to.be.accessible();
  });

  it('speaks English under lang="en" and takes text overrides', async () => {
    const box = await fixture<HTMLElement>(html`<div lang="en"><assistenza-limiti espanso></assistenza-limiti></div>`);
    const el = box.firstElementChild as AssistenzaLimiti;
    await el.updateComplete;
    expect(titoli(el)[0][1]).to.equal('What we cannot solve');
    expect(visibile(el)).to.contain('PagoPA payments');
    el.testi = { limiti: { titolo: 'Limiti del servizio' } };
    await el.updateComplete;
    expect(titoli(el)[0][1]).to.equal('Limiti del servizio');
  });
});
