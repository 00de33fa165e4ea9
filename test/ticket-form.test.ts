import { fixture, html, expect, oneEvent } from '@open-wc/testing';
import '../src/index.js';
import type { AssistenzaTicketForm } from '../src/index.js';
import {
  nuovoSecchio,
  pulisciArchivio,
  campo,
  scrivi,
  pulsante,
  stato,
  allarme,
  finche,
  conAvvisi,
  type Secchio,
} from './helpers.js';

const UUID4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

async function modulo(s: Secchio, attrs = html``) {
  const el = await fixture<AssistenzaTicketForm>(
    html`<assistenza-ticket-form endpoint=${s.endpoint} ${attrs}></assistenza-ticket-form>`,
  );
  return el;
}

async function compila(el: AssistenzaTicketForm, valori: Record<string, string>) {
  for (const [k, v] of Object.entries(valori)) scrivi(el, k, v);
  await el.updateComplete;
}

const invia = (el: AssistenzaTicketForm) => pulsante(el, 'Invia richiesta').click();

describe('<assistenza-ticket-form>', () => {
  let s: Secchio;
  beforeEach(async () => {
    await pulisciArchivio();
    s = nuovoSecchio();
  });

  describe('fields', () => {
    it('has every field of the seed, labelled, with Cognome, Nome and Descrizione required', async () => {
      const el = await modulo(s);
      for (const l of [
        'Cognome',
        'Nome',
        'Email',
        'Telefono',
        'Invia la risposta anche via mail',
        'Descrizione del problema',
        'Tipologia pratica',
        'Numero pratica',
      ]) {
        expect(campo(el, l), l).to.exist;
      }
      expect(campo(el, 'Cognome').required).to.be.true;
      expect(campo(el, 'Nome').required).to.be.true;
      expect(campo(el, 'Descrizione del problema').required).to.be.true;
      expect(campo(el, 'Email').required).to.be.false;
      expect(campo(el, 'Invia la risposta anche via mail').type).to.equal('checkbox');
      expect(pulsante(el, 'Invia richiesta').type).to.equal('submit');
    });

    it('recommends a phone number and guides the description, tied to the fields', async () => {
      const el = await modulo(s);
      const tel = campo(el, 'Telefono');
      const aiuto = el.shadowRoot!.getElementById(tel.getAttribute('aria-describedby')!.split(' ')[0])!;
      expect(aiuto.textContent).to.match(/numero di telefono/);
      const descr = campo(el, 'Descrizione del problema');
      const ids = descr.getAttribute('aria-describedby')!.split(' ');
      const testi = ids.map((id) => el.shadowRoot!.getElementById(id)!.textContent).join(' ');
      expect(testi).to.match(/tipologia e il numero della pratica/);
      expect(testi).to.contain('0 caratteri su 4000');
    });
  });

  describe('prefill', () => {
    it('fills Cognome, Nome, Email and Telefono from the attributes', async () => {
      const el = await modulo(s, html``);
      el.cognome = 'Rossi';
      el.nome = 'Mario';
      el.email = 'mario.rossi@esempio.it';
      el.telefono = '+39 347 1234567';
      await el.updateComplete;
      expect(campo(el, 'Cognome').value).to.equal('Rossi');
      expect(campo(el, 'Nome').value).to.equal('Mario');
      expect(campo(el, 'Email').value).to.equal('mario.rossi@esempio.it');
      expect(campo(el, 'Telefono').value).to.equal('+39 347 1234567');
    });

    it('fills from the provider, and the element’s own attributes win', async () => {
      const p = await fixture(
        html`<assistenza-provider
          .profilo=${{ id: 'u1', cognome: 'Bianchi', nome: 'Anna', email: 'anna@esempio.it', telefono: '0521 123456' }}
        >
          <assistenza-ticket-form nome="Annalisa"></assistenza-ticket-form>
        </assistenza-provider>`,
      );
      const el = p.querySelector('assistenza-ticket-form')!;
      await el.updateComplete;
      expect(campo(el, 'Cognome').value).to.equal('Bianchi');
      expect(campo(el, 'Nome').value).to.equal('Annalisa');
      expect(campo(el, 'Email').value).to.equal('anna@esempio.it');
      expect(campo(el, 'Telefono').value).to.equal('0521 123456');
    });

    it('takes the endpoint from the provider when it has none', async () => {
      const p = await fixture(
        html`<assistenza-provider endpoint=${s.endpoint} .profilo=${{ cognome: 'Verdi', nome: 'Luca' }}>
          <assistenza-ticket-form></assistenza-ticket-form>
        </assistenza-provider>`,
      );
      const el = p.querySelector('assistenza-ticket-form')!;
      await el.updateComplete;
      scrivi(el, 'Descrizione del problema', 'Non riesco a caricare la planimetria.');
      const inviata = oneEvent(el, 'assistenza-inviata');
      invia(el);
      await inviata;
      const { ricevute } = await s.registro();
      expect(ricevute.map((r) => r.richiesta.cognome)).to.deep.equal(['Verdi']);
    });

    it('a profile that arrives or changes later fills only the fields the user has not touched', async () => {
      const p = await fixture<HTMLElement & { profilo?: object }>(
        html`<assistenza-provider><assistenza-ticket-form></assistenza-ticket-form></assistenza-provider>`,
      );
      const el = p.querySelector('assistenza-ticket-form')!;
      await el.updateComplete;
      expect(campo(el, 'Cognome').value).to.equal('');
      scrivi(el, 'Nome', 'Giulia');
      p.profilo = { cognome: 'Neri', nome: 'Paola', email: 'paola@esempio.it' };
      await el.updateComplete;
      expect(campo(el, 'Cognome').value).to.equal('Neri');
      expect(campo(el, 'Nome').value).to.equal('Giulia');
      expect(campo(el, 'Email').value).to.equal('paola@esempio.it');
      p.profilo = { cognome: 'Neri', nome: 'Paola', email: 'p.neri@esempio.it' };
      await el.updateComplete;
      expect(campo(el, 'Email').value).to.equal('p.neri@esempio.it');
    });
  });

  describe('validation', () => {
    async function errore(el: AssistenzaTicketForm, etichetta: string) {
      const c = campo(el, etichetta);
      const id = c
        .getAttribute('aria-describedby')
        ?.split(' ')
        .find((x) => x.startsWith('errore-'));
      return {
        invalido: c.getAttribute('aria-invalid') === 'true',
        testo: id ? el.shadowRoot!.getElementById(id)!.textContent!.trim() : '',
      };
    }

    it('an empty submit marks Cognome, Nome and Descrizione, announces it, focuses Cognome and sends nothing', async () => {
      const el = await modulo(s);
      invia(el);
      await el.updateComplete;
      await el.updateComplete;
      expect(await errore(el, 'Cognome')).to.deep.equal({ invalido: true, testo: 'Inserisci il cognome.' });
      expect(await errore(el, 'Nome')).to.deep.equal({ invalido: true, testo: 'Inserisci il nome.' });
      expect(await errore(el, 'Descrizione del problema')).to.deep.equal({
        invalido: true,
        testo: 'Descrivi il problema.',
      });
      expect((await errore(el, 'Email')).invalido).to.be.false;
      expect(allarme(el)).to.contain('correggi i campi evidenziati (3)');
      expect(el.shadowRoot!.activeElement).to.equal(campo(el, 'Cognome'));
      await new Promise((r) => setTimeout(r, 200));
      expect((await s.registro()).tentativi).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('focuses the first invalid field in the order of the form', async () => {
      const el = await modulo(s);
      await compila(el, { Cognome: 'Rossi', Nome: 'Mario', Email: 'non-una-mail' });
      invia(el);
      await finche(() => el.shadowRoot!.activeElement === campo(el, 'Email'), 'focus on Email');
      expect((await errore(el, 'Email')).testo).to.equal(
        'Inserisci un indirizzo email valido, ad esempio mario.rossi@esempio.it.',
      );
    });

    it('"Invia la risposta anche via mail" requires a valid Email', async () => {
      const el = await modulo(s);
      await compila(el, { Cognome: 'Rossi', Nome: 'Mario', 'Descrizione del problema': 'Errore al salvataggio.' });
      campo(el, 'Invia la risposta anche via mail').click();
      invia(el);
      await el.updateComplete;
      expect(await errore(el, 'Email')).to.deep.equal({
        invalido: true,
        testo: 'Per ricevere la risposta via mail inserisci un indirizzo email valido.',
      });
    });

    it('blank-only values are empty: trimmed before validation', async () => {
      const el = await modulo(s);
      await compila(el, { Cognome: '   ', Nome: '\t', 'Descrizione del problema': '  \n ' });
      invia(el);
      await el.updateComplete;
      expect((await errore(el, 'Cognome')).invalido).to.be.true;
      expect((await errore(el, 'Descrizione del problema')).invalido).to.be.true;
    });

    it('accepts permissive phone numbers and refuses junk', async () => {
      const el = await modulo(s);
      await compila(el, { Cognome: 'Rossi', Nome: 'Mario', 'Descrizione del problema': 'x' });
      for (const buono of ['+39 347 123 4567', '0521.123.456', '347/1234567', '(0521) 12 34 56']) {
        scrivi(el, 'Telefono', buono);
        const { richiestaSchema } = await import('../src/richiesta.js');
        expect(
          richiestaSchema.safeParse({
            id: crypto.randomUUID(),
            cognome: 'R',
            nome: 'M',
            telefono: buono,
            rispostaViaEmail: false,
            descrizione: 'x',
            creataIl: new Date().toISOString(),
          }).success,
          buono,
        ).to.be.true;
      }
      for (const cattivo of ['chiamami', '12', '+39 abc 123456', '1234567890123456789']) {
        scrivi(el, 'Telefono', cattivo);
        await el.updateComplete;
        invia(el);
        await el.updateComplete;
        expect((await errore(el, 'Telefono')).testo, cattivo).to.match(/numero di telefono valido/);
      }
    });

    it('names with apostrophes, accents and any script are valid', async () => {
      const el = await modulo(s);
      await compila(el, {
        Cognome: "D'Angelo",
        Nome: 'Zoë',
        'Descrizione del problema': 'Il pulsante Firma non risponde.',
      });
      const inviata = oneEvent(el, 'assistenza-inviata');
      invia(el);
      await inviata;
      const el2 = await modulo(s);
      await compila(el2, { Cognome: 'Nguyễn', Nome: '明', 'Descrizione del problema': 'Secondo problema.' });
      const inviata2 = oneEvent(el2, 'assistenza-inviata');
      invia(el2);
      await inviata2;
      const nomi = (await s.registro()).ricevute.map((r) => `${r.richiesta.cognome} ${r.richiesta.nome}`);
      expect(nomi).to.deep.equal(["D'Angelo Zoë", 'Nguyễn 明']);
    });

    it('the description has a visible counter and refuses more than 4000 characters without cutting them', async () => {
      const el = await modulo(s);
      await compila(el, { Cognome: 'Rossi', Nome: 'Mario', 'Descrizione del problema': 'a'.repeat(4001) });
      const contatore = el.shadowRoot!.querySelector('[part~=counter]')!;
      expect(contatore.textContent).to.equal('4001 caratteri su 4000');
      invia(el);
      await el.updateComplete;
      expect((await errore(el, 'Descrizione del problema')).testo).to.equal(
        'La descrizione può contenere al massimo 4000 caratteri.',
      );
      expect(campo<HTMLTextAreaElement>(el, 'Descrizione del problema').value).to.have.length(4001);
    });

    it('correcting a field clears its error', async () => {
      const el = await modulo(s);
      invia(el);
      await el.updateComplete;
      scrivi(el, 'Cognome', 'Rossi');
      await el.updateComplete;
      expect((await errore(el, 'Cognome')).invalido).to.be.false;
    });
  });

  describe('submit', () => {
    it('POSTs the exact payload with Content-Type and an Idempotency-Key equal to the id', async () => {
      const el = await modulo(s);
      await compila(el, {
        Cognome: '  Rossi ',
        Nome: 'Mario',
        Email: ' mario.rossi@esempio.it ',
        Telefono: '+39 347 1234567',
        'Descrizione del problema': ' Non riesco a firmare la pratica. ',
        'Tipologia pratica': 'SCIA',
        'Numero pratica': '123/2026',
      });
      campo(el, 'Invia la risposta anche via mail').click();
      const prima = Date.now();
      const inviata = oneEvent(el, 'assistenza-inviata');
      invia(el);
      const ev = await inviata;
      const { tentativi, ricevute } = await s.registro();
      expect(tentativi).to.have.length(1);
      const t = tentativi[0];
      const corpo = JSON.parse(t.corpo);
      expect(t.intestazioni['content-type']).to.equal('application/json');
      expect(t.intestazioni['idempotency-key']).to.equal(corpo.id);
      expect(corpo.id).to.match(UUID4);
      expect(Object.keys(corpo).sort()).to.deep.equal([
        'cognome',
        'creataIl',
        'descrizione',
        'email',
        'id',
        'nome',
        'pratica',
        'rispostaViaEmail',
        'telefono',
      ]);
      expect(corpo).to.deep.include({
        cognome: 'Rossi',
        nome: 'Mario',
        email: 'mario.rossi@esempio.it',
        telefono: '+39 347 1234567',
        rispostaViaEmail: true,
        descrizione: 'Non riesco a firmare la pratica.',
        pratica: { tipologia: 'SCIA', numero: '123/2026' },
      });
      expect(new Date(corpo.creataIl).toISOString()).to.equal(corpo.creataIl);
      expect(Date.parse(corpo.creataIl)).to.be.within(prima - 1000, Date.now() + 1000);
      expect(ev.detail).to.deep.equal({ id: corpo.id, numero: ricevute[0].numero });
    });

    it('omits empty optional fields', async () => {
      const el = await modulo(s);
      await compila(el, { Cognome: 'Rossi', Nome: 'Mario', 'Descrizione del problema': 'Problema.' });
      const inviata = oneEvent(el, 'assistenza-inviata');
      invia(el);
      await inviata;
      const corpo = JSON.parse((await s.registro()).tentativi[0].corpo);
      expect(Object.keys(corpo).sort()).to.deep.equal([
        'cognome',
        'creataIl',
        'descrizione',
        'id',
        'nome',
        'rispostaViaEmail',
      ]);
      expect(corpo.rispostaViaEmail).to.be.false;
    });

    it('shows success with the ticket number in a status region, and the event bubbles out of shadow roots', async () => {
      const el = await modulo(s);
      await compila(el, { Cognome: 'Rossi', Nome: 'Mario', 'Descrizione del problema': 'Problema.' });
      const inviata = oneEvent(document, 'assistenza-inviata');
      invia(el);
      const ev = await inviata;
      expect(ev.bubbles && ev.composed).to.be.true;
      await el.updateComplete;
      expect(stato(el)).to.contain('Richiesta inviata');
      expect(stato(el)).to.contain(`Numero della richiesta: ${ev.detail.numero}.`);
      // One status region, so a person (or getByRole('status')) finds the outcome without ambiguity.
      expect(el.shadowRoot!.querySelectorAll('[role=status]')).to.have.length(1);
      expect(campo(el, 'Descrizione del problema').value).to.equal('');
      await expect(el).to.be.accessible();
    });

    it('links the sent message to "Le mie richieste", from its pagina-richieste attribute or the provider’s', async () => {
      const el = await modulo(s);
      el.setAttribute('pagina-richieste', '/richieste.html');
      await compila(el, { Cognome: 'Rossi', Nome: 'Mario', 'Descrizione del problema': 'Da seguire.' });
      const inviata = oneEvent(el, 'assistenza-inviata');
      invia(el);
      await inviata;
      await el.updateComplete;
      const link = [...el.shadowRoot!.querySelectorAll('[role=status] a')].find(
        (a) => a.textContent === 'Segui la richiesta in Le mie richieste',
      );
      expect(link?.getAttribute('href')).to.equal('/richieste.html');
      const p = await fixture(
        html`<assistenza-provider
          endpoint=${s.endpoint}
          pagina-richieste="/mie.html"
          .profilo=${{ cognome: 'Verdi', nome: 'Luca' }}
        >
          <assistenza-ticket-form></assistenza-ticket-form>
        </assistenza-provider>`,
      );
      const dentro = p.querySelector('assistenza-ticket-form')!;
      await dentro.updateComplete;
      scrivi(dentro, 'Descrizione del problema', 'Anche qui.');
      const seconda = oneEvent(dentro, 'assistenza-inviata');
      invia(dentro);
      await seconda;
      await dentro.updateComplete;
      expect(dentro.shadowRoot!.querySelector('[role=status] a')!.getAttribute('href')).to.equal('/mie.html');
      await expect(dentro).to.be.accessible();
    });

    it('pagina-richieste takes only an http:, https: or relative URL: anything else is ignored with a console warning', async () => {
      const collegamento = (el: Element) => el.shadowRoot!.querySelector('[role=status] a')?.getAttribute('href');
      const inviaCon = async (pagina: string) => {
        const [el, avvisi] = await conAvvisi(async () => {
          const el = await modulo(s);
          el.setAttribute('pagina-richieste', pagina);
          await el.updateComplete;
          return el;
        });
        await compila(el, { Cognome: 'Rossi', Nome: 'Mario', 'Descrizione del problema': `Con ${pagina}` });
        const inviata = oneEvent(el, 'assistenza-inviata');
        invia(el);
        await inviata;
        await el.updateComplete;
        return { href: collegamento(el), avvisi };
      };
      for (const buona of [
        'https://portale.esempio.it/richieste',
        'http://portale.esempio.it/r',
        '/richieste.html',
        'mie.html',
        '//portale.esempio.it/r',
      ]) {
        const { href, avvisi } = await inviaCon(buona);
        expect(href, buona).to.equal(buona);
        expect(avvisi, buona).to.deep.equal([]);
      }
      for (const cattiva of [
        'javascript:alert(document.cookie)',
        ' JavaScript:alert(1)',
        'java\tscript:alert(1)',
        'data:text/html,<script>alert(1)</script>',
        'vbscript:x',
      ]) {
        const { href, avvisi } = await inviaCon(cattiva);
        expect(href, cattiva).to.be.undefined;
        expect(avvisi.length, cattiva).to.equal(1);
        expect(String(avvisi[0][0])).to.contain('<assistenza-ticket-form> pagina-richieste ignorata');
      }
    });

    it('the provider’s pagina-richieste too: a javascript: URL is ignored with a warning, and the form shows no link', async () => {
      const [p, avvisi] = await conAvvisi(() =>
        fixture(
          html`<assistenza-provider
            endpoint=${s.endpoint}
            pagina-richieste="javascript:alert(document.domain)"
            .profilo=${{ cognome: 'Verdi', nome: 'Luca' }}
          >
            <assistenza-ticket-form></assistenza-ticket-form>
          </assistenza-provider>`,
        ),
      );
      expect(avvisi.map((a) => String(a[0]))).to.deep.equal([
        '<assistenza-provider> pagina-richieste ignorata: è ammesso solo un indirizzo http:, https: o relativo («javascript:alert(document.domain)»)',
      ]);
      const dentro = p.querySelector('assistenza-ticket-form')!;
      await dentro.updateComplete;
      scrivi(dentro, 'Descrizione del problema', 'Senza collegamento.');
      const inviata = oneEvent(dentro, 'assistenza-inviata');
      invia(dentro);
      await inviata;
      await dentro.updateComplete;
      expect(stato(dentro)).to.contain('Richiesta inviata');
      expect(dentro.shadowRoot!.querySelectorAll('[role=status] a').length, 'links').to.equal(0);
    });

    it('a 4xx shows the server’s message, keeps the text, fires assistenza-errore and is not retried', async () => {
      const el = await modulo(s);
      await s.guasti([
        { modo: 'stato', stato: 422, messaggio: 'Il Comune non accetta richieste in questo periodo.', volte: 1 },
      ]);
      await compila(el, { Cognome: 'Rossi', Nome: 'Mario', 'Descrizione del problema': 'Testo da non perdere.' });
      const errore = oneEvent(el, 'assistenza-errore');
      invia(el);
      const ev = await errore;
      expect(ev.detail).to.deep.include({
        stato: 422,
        messaggio: 'Il Comune non accetta richieste in questo periodo.',
      });
      await el.updateComplete;
      expect(allarme(el)).to.contain('Il Comune non accetta richieste in questo periodo.');
      expect(campo(el, 'Descrizione del problema').value).to.equal('Testo da non perdere.');
      expect(campo(el, 'Cognome').value).to.equal('Rossi');
      expect(pulsante(el, 'Invia richiesta').disabled).to.be.false;
      window.dispatchEvent(new Event('online'));
      await new Promise((r) => setTimeout(r, 300));
      expect((await s.registro()).tentativi).to.have.length(1);
      await expect(el).to.be.accessible();
    });

    it('a 4xx without a JSON message shows a generic one', async () => {
      const el = await modulo(s);
      await compila(el, { Cognome: 'Rossi', Nome: 'Mario', 'Descrizione del problema': 'x' });
      el.endpoint = '/prova-non-esiste/richieste';
      const errore = oneEvent(el, 'assistenza-errore');
      invia(el);
      const ev = await errore;
      expect(ev.detail.stato).to.equal(404);
      await el.updateComplete;
      expect(allarme(el)).to.contain('errore 404');
    });

    it('disables the button while sending, and a double click sends once', async () => {
      const el = await modulo(s);
      await s.guasti([{ modo: 'lento', ritardoMs: 400, volte: 1 }]);
      await compila(el, { Cognome: 'Rossi', Nome: 'Mario', 'Descrizione del problema': 'Doppio clic.' });
      const b = pulsante(el, 'Invia richiesta');
      const inviata = oneEvent(el, 'assistenza-inviata');
      b.click();
      b.click();
      el.shadowRoot!.querySelector('form')!.requestSubmit();
      await el.updateComplete;
      expect(b.disabled).to.be.true;
      expect(b.textContent!.trim()).to.equal('Invio in corso…');
      await inviata;
      await new Promise((r) => setTimeout(r, 200));
      expect((await s.registro()).tentativi).to.have.length(1);
    });

    it('markup in the description is shown and sent as text, never run', async () => {
      const el = await modulo(s);
      (window as unknown as { pwned?: boolean }).pwned = false;
      const ostile = '<img src=x onerror="window.pwned=true"><script>window.pwned=true</script> & "virgolette"';
      await compila(el, { Cognome: '<b>Rossi</b>', Nome: 'Mario', 'Descrizione del problema': ostile });
      expect(el.shadowRoot!.querySelector('img, script:not([type])')).to.be.null;
      const inviata = oneEvent(el, 'assistenza-inviata');
      invia(el);
      await inviata;
      const r = (await s.registro()).ricevute[0].richiesta;
      expect(r.descrizione).to.equal(ostile);
      expect(r.cognome).to.equal('<b>Rossi</b>');
      expect((window as unknown as { pwned?: boolean }).pwned).to.be.false;
    });

    it('sends the host’s headers, read at each attempt, with the chosen credentials mode', async () => {
      const el = await modulo(s, html``);
      let token = 'primo';
      el.headers = () => ({ 'X-CSRF-Token': token });
      el.credentials = 'include';
      await s.guasti([{ modo: 'stato', stato: 503, volte: 1 }]);
      await compila(el, { Cognome: 'Rossi', Nome: 'Mario', 'Descrizione del problema': 'Con token.' });
      const inCoda = oneEvent(el, 'assistenza-in-coda');
      invia(el);
      await inCoda;
      token = 'ruotato';
      const inviata = oneEvent(el, 'assistenza-inviata');
      window.dispatchEvent(new Event('online'));
      await inviata;
      const { tentativi } = await s.registro();
      expect(tentativi.map((t) => t.intestazioni['x-csrf-token'])).to.deep.equal(['primo', 'ruotato']);
      const archivio = JSON.stringify(
        await (
          await import('idb-keyval')
        ).entries((await import('idb-keyval')).createStore('assistenza-tecnica', 'archivio')),
      );
      expect(archivio).not.to.contain('primo');
    });

    it('sends the page’s cookies by default (same-origin) and none with credentials="omit"', async () => {
      document.cookie = 'assistenza-sessione=abc; path=/prova';
      try {
        for (const [credenziali, atteso] of [
          [undefined, 'assistenza-sessione=abc'],
          ['omit', undefined],
        ] as const) {
          const el = await modulo(s);
          if (credenziali) el.setAttribute('credentials', credenziali);
          await compila(el, {
            Cognome: 'Rossi',
            Nome: 'Mario',
            'Descrizione del problema': `Credenziali ${credenziali}.`,
          });
          const inviata = oneEvent(el, 'assistenza-inviata');
          invia(el);
          await inviata;
          const { tentativi } = await s.registro();
          expect(tentativi.at(-1)!.intestazioni.cookie, String(credenziali)).to.equal(atteso);
        }
      } finally {
        document.cookie = 'assistenza-sessione=; path=/prova; max-age=0';
      }
    });

    it('is usable by keyboard alone: Enter in a field submits', async () => {
      const el = await modulo(s);
      await compila(el, { Cognome: 'Rossi', Nome: 'Mario', 'Descrizione del problema': 'Da tastiera.' });
      const inviata = oneEvent(el, 'assistenza-inviata');
      campo(el, 'Nome').focus();
      const { sendKeys } = await import('@web/test-runner-commands');
      await sendKeys({ press: 'Enter' });
      await inviata;
    });

    it('follows lang="en" for labels and messages', async () => {
      const div = await fixture(
        html`<div lang="en"><assistenza-ticket-form endpoint=${s.endpoint}></assistenza-ticket-form></div>`,
      );
      const el = div.querySelector('assistenza-ticket-form')!;
      await el.updateComplete;
      expect(campo(el, 'Surname')).to.exist;
      pulsante(el, 'Send request').click();
      await el.updateComplete;
      expect(el.shadowRoot!.getElementById('errore-cognome')!.textContent).to.equal('Enter your surname.');
    });

    it('is accessible when empty', async () => {
      const el = await modulo(s);
      await expect(el).to.be.accessible();
    });

    it('is accessible when filled', async () => {
      const el = await modulo(s);
      await compila(el, {
        Cognome: 'Rossi',
        Nome: 'Mario',
        Email: 'm@esempio.it',
        'Descrizione del problema': 'Testo.',
      });
      await expect(el).to.be.accessible();
    });
  });
});
