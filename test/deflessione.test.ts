import { fixture, html, expect, oneEvent } from '@open-wc/testing';
import '../src/index.js';
import type { AssistenzaTicketForm } from '../src/index.js';
import { casiCitati, normalizza } from '../src/limiti/deflessione.js';
import type { CasoId } from '../src/limiti/catalogo.js';
import { nuovoSecchio, pulisciArchivio, pulsante, scrivi, type Secchio } from './helpers.js';

describe('deflessione', () => {
  it('normalises case, accents and punctuation to single spaces', () => {
    expect(normalizza('Titolarità: l’Ente, PagoPA!')).to.equal(' titolarita l ente pagopa ');
  });

  const esempi: [string, CasoId, string[]][] = [
    [
      'PagoPA payments, bank transfers and payment words, in any case',
      'pagopa',
      [
        'Ho pagato con PAGOPA ma la pratica è bloccata',
        'pago-PA non risponde',
        'Ho fatto un bonifico invece del pagamento',
        'i bonifici non risultano',
        'Non riesco a pagare i diritti di segreteria',
        'Il pagamento risulta non eseguito',
        'manca lo IUV',
      ],
    ],
    [
      'volture in their inflections, and a change of holder',
      'volture',
      [
        'Devo fare una voltura',
        'Richiesta di VOLTURE',
        'come volturare la pratica',
        'pratica volturata',
        'subentro del nuovo proprietario',
        'cambio di intestatario',
      ],
    ],
    [
      'the forms (modulo, modello, modulistica) and their required fields',
      'modulistica',
      [
        'Il modulo regionale non mi fa procedere',
        'nei moduli manca',
        'La modulistica nazionale',
        'il modello unico',
        'i campi obbligatori non sono compilabili',
        'l’obbligatorietà del campo',
      ],
    ],
    [
      'doubts on which practice or documents to present',
      'tipologia',
      [
        'Quale pratica devo usare per una tettoia?',
        'che tipo di pratica serve',
        'Non so quali documenti allegare',
        'posso caricare documenti alternativi?',
        'Devo presentare una SCIA o una CILA?',
        'qual è la tipologia corretta',
      ],
    ],
  ];
  for (const [cosa, caso, testi] of esempi) {
    it(`finds ${cosa}`, () => {
      for (const t of testi) expect(casiCitati(t), t).to.deep.equal([caso]);
    });
  }

  it('matches whole words only: no case from words that merely contain a keyword', () => {
    for (const t of [
      'La modulazione del segnale non funziona',
      'Il modulare in cartongesso',
      'Modellazione 3D del fabbricato',
      'bonifica amianto',
      'la pagina non si carica',
      'volto a migliorare',
      'Il sistema dice che documento non valido è stato caricato',
      'Inserisco la tipologia di pratica e il numero ma il pulsante Invia non risponde',
      'non riesco ad accedere dopo il cambio password',
    ]) {
      expect(casiCitati(t), t).to.deep.equal([]);
    }
  });

  it('lists every case mentioned, in catalogue order', () => {
    expect(casiCitati('Voltura: ho pagato con bonifico e il modello non accetta il dato')).to.deep.equal([
      'pagopa',
      'modulistica',
      'volture',
    ]);
  });
});

describe('<assistenza-ticket-form>: the notice of what only the Ente can solve', () => {
  let s: Secchio;
  beforeEach(async () => {
    await pulisciArchivio();
    s = nuovoSecchio();
  });

  const modulo = () =>
    fixture<AssistenzaTicketForm>(
      html`<assistenza-ticket-form endpoint=${s.endpoint} cognome="Rossi" nome="Mario"></assistenza-ticket-form>`,
    );
  /** The polite live region under the description (the form's own status region comes first). */
  const regione = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('form [aria-live]')!;
  const avviso = (el: Element) => regione(el).textContent!.replace(/\s+/g, ' ').trim();

  it('keeps an empty live region, taking no room, until the description names a case', async () => {
    const el = await modulo();
    const r = regione(el);
    expect(r, 'the region is there before anything is typed').to.exist;
    expect(avviso(el)).to.equal('');
    expect(getComputedStyle(r).position).to.equal('absolute');
    scrivi(el, 'Descrizione del problema', 'Non riesco a caricare la planimetria.');
    await el.updateComplete;
    expect(avviso(el)).to.equal('');
  });

  it('says the matter is the Ente’s, and why, when the description talks about it', async () => {
    const el = await modulo();
    scrivi(el, 'Descrizione del problema', 'Ho pagato con bonifico ma la pratica resta bloccata');
    await el.updateComplete;
    const t = avviso(el);
    expect(t).to.contain('Attenzione: questo è un tema di competenza dell’Ente');
    expect(t).to.contain('Pagamenti con PagoPA: Non possiamo intervenire sui pagamenti PagoPA');
    expect(t).to.contain('Chi può intervenire: L’Ente, che ha gli strumenti per farlo.');
    expect(t).to.contain('Puoi comunque inviare la richiesta.');
    expect(t).not.to.contain('Volture');
    expect(getComputedStyle(regione(el)).position).to.equal('static');
    await expect(el).to.be.accessible();
  });

  it('changes the live region only when the cases named change, not at every keystroke', async () => {
    const el = await modulo();
    scrivi(el, 'Descrizione del problema', 'Devo fare una voltura');
    await el.updateComplete;
    const cambi: MutationRecord[] = [];
    const m = new MutationObserver((r) => cambi.push(...r));
    m.observe(regione(el), { subtree: true, childList: true, characterData: true });
    for (const t of [
      'Devo fare una voltura ',
      'Devo fare una voltura della',
      'Devo fare una voltura della pratica n. 12',
    ]) {
      scrivi(el, 'Descrizione del problema', t);
      await el.updateComplete;
    }
    await new Promise((r) => setTimeout(r));
    expect(cambi, 'same case, same DOM: nothing new to announce').to.have.length(0);
    scrivi(el, 'Descrizione del problema', 'Devo fare una voltura e il modulo regionale non lo prevede');
    await el.updateComplete;
    await new Promise((r) => setTimeout(r));
    m.disconnect();
    expect(cambi.length).to.be.greaterThan(0);
    expect(avviso(el)).to.contain('Modulistica nazionale e regionale');
  });

  it('never blocks sending', async () => {
    const el = await modulo();
    scrivi(el, 'Descrizione del problema', 'Come posso fare la voltura della pratica?');
    await el.updateComplete;
    expect(avviso(el)).to.contain('Volture');
    const inviata = oneEvent(el, 'assistenza-inviata');
    pulsante(el, 'Invia richiesta').click();
    await inviata;
    const { ricevute } = await s.registro();
    expect(ricevute.map((r) => r.richiesta.descrizione)).to.deep.equal(['Come posso fare la voltura della pratica?']);
  });

  it('speaks English under lang="en"', async () => {
    const box = await fixture<HTMLElement>(
      html`<div lang="en"><assistenza-ticket-form endpoint=${s.endpoint}></assistenza-ticket-form></div>`,
    );
    const el = box.firstElementChild as AssistenzaTicketForm;
    await el.updateComplete;
    scrivi(el, 'Problem description', 'The modulo does not accept my data');
    await el.updateComplete;
    expect(avviso(el)).to.contain('Note: this is a matter for the municipality');
    expect(avviso(el)).to.contain('National and regional forms');
  });
});
