// The built bundle as a host site uses it: one <script src> (classic or module), nothing else; and under the strict
// Content-Security-Policy with Trusted Types of issue 5. Each page is an iframe served by the test runner's middleware
// (test/server/pagine-bundle.ts); this test page itself registers no element.
import { expect, oneEvent } from '@open-wc/testing';
import { createStore, get, setMany } from 'idb-keyval';
import { nuovoSecchio, pulisciArchivio, campo, scrivi, pulsante, finche, type Secchio } from './helpers.js';

type Segnalazione = { tipo: string; testo: string };
type Ospite = Window & typeof globalThis & { segnalazioni: Segnalazione[]; aperture: string[] };

interface Pagina {
  win: Ospite;
  doc: Document;
  chiudi(): void;
}

type TipoPagina = 'classico' | 'modulo' | 'csp' | 'telefonica-classico' | 'telefonica-modulo' | 'telefonica-csp';

async function apri(tipo: TipoPagina, parametri: Record<string, string> = {}): Promise<Pagina> {
  const frame = document.createElement('iframe');
  frame.title = `pagina ${tipo}`;
  frame.src = `/bundle/${tipo}.html?${new URLSearchParams(parametri)}`;
  const caricata = oneEvent(frame, 'load');
  document.body.append(frame);
  await caricata;
  const win = frame.contentWindow as Ospite;
  return { win, doc: win.document, chiudi: () => frame.remove() };
}

/** Every tag the manifest declares: what the bundle must register. */
async function tagDelManifest(): Promise<string[]> {
  const m = await (await fetch('/custom-elements.json')).json();
  const tag = m.modules
    .flatMap((x: { declarations?: { tagName?: string }[] }) => x.declarations ?? [])
    .map((d: { tagName?: string }) => d.tagName);
  return [...new Set<string>(tag.filter(Boolean))];
}

async function moduloPronto(p: Pagina) {
  await finche(() => !!p.win.customElements.get('assistenza-ticket-form'), 'the bundle registered the form');
  const el = p.doc.querySelector('assistenza-ticket-form') as HTMLElement & { updateComplete: Promise<boolean> };
  await el.updateComplete;
  return el;
}

/** Fills and sends the form of the page, and checks what the endpoint received. */
async function inviaEControlla(p: Pagina, s: Secchio) {
  const el = await moduloPronto(p);
  scrivi(el, 'Cognome', 'D’Angelo');
  scrivi(el, 'Nome', 'Zoë');
  scrivi(el, 'Email', 'zoe@esempio.it');
  scrivi(el, 'Descrizione del problema', 'Il caricamento della planimetria si blocca al 90%.');
  // Whatever the outcome, the test hears it: a refusal or a queued request fails here with what happened.
  const esito = Promise.race(
    ['assistenza-inviata', 'assistenza-errore', 'assistenza-in-coda'].map((t) => oneEvent(el, t)),
  );
  pulsante(el, 'Invia richiesta').click();
  const e = (await esito) as CustomEvent;
  expect(e.type, JSON.stringify(e.detail)).to.equal('assistenza-inviata');
  const detail = e.detail as { id: string; numero?: number };
  const { ricevute, tentativi } = await s.registro();
  expect(ricevute).to.have.length(1);
  expect(detail.numero, 'the numero the server gave it').to.equal(ricevute[0].numero);
  expect(ricevute[0].richiesta).to.include({
    id: detail.id,
    cognome: 'D’Angelo',
    nome: 'Zoë',
    email: 'zoe@esempio.it',
    rispostaViaEmail: false,
  });
  expect(tentativi[0].intestazioni['idempotency-key']).to.equal(detail.id);
  expect(tentativi[0].intestazioni['content-type']).to.match(/^application\/json/);
  return el;
}

describe('the bundle dist/assistenza-tecnica.js on a host page', () => {
  let s: Secchio;
  let p: Pagina | undefined;
  beforeEach(async () => {
    await pulisciArchivio();
    s = nuovoSecchio();
  });
  afterEach(() => p?.chiudi());

  for (const tipo of ['classico', 'modulo'] as const) {
    const tag = tipo === 'classico' ? '<script src>' : '<script type="module" src>';
    it(`registers every element of the manifest from a plain ${tag}`, async () => {
      p = await apri(tipo, { endpoint: s.endpoint });
      await moduloPronto(p);
      const tags = await tagDelManifest();
      expect(tags).to.include.members(['assistenza-ticket-form', 'assistenza-provider']);
      for (const t of tags) expect(p.win.customElements.get(t), t).to.be.a('function');
      expect(customElements.get('assistenza-ticket-form'), 'the test page itself registers nothing').to.be.undefined;
      expect(p.win.segnalazioni).to.deep.equal([]);
    });

    it(`sends a correct request from a page that only has the ${tag}`, async () => {
      p = await apri(tipo, { endpoint: s.endpoint });
      await inviaEControlla(p, s);
      expect(p.win.segnalazioni).to.deep.equal([]);
    });

    it(`gives window.assistenzaTecnica.dimentica from a plain ${tag}: a logout removes that user’s draft, no one else’s`, async () => {
      const archivio = createStore('assistenza-tecnica', 'archivio');
      const ora = Date.now();
      await setMany(
        [
          ['bozza:mario', { descrizione: 'Di Mario.', modificataIl: ora }],
          ['bozza:anna', { descrizione: 'Di Anna.', modificataIl: ora }],
        ],
        archivio,
      );
      p = await apri(tipo, { endpoint: s.endpoint });
      await moduloPronto(p);
      const globale = p.win as unknown as { assistenzaTecnica?: { dimentica?: (u?: string) => Promise<void> } };
      expect(globale.assistenzaTecnica?.dimentica).to.be.a('function');
      await globale.assistenzaTecnica!.dimentica!('mario');
      expect(await get('bozza:mario', archivio)).to.be.undefined;
      expect(await get('bozza:anna', archivio)).to.deep.equal({ descrizione: 'Di Anna.', modificataIl: ora });
      expect(p.win.segnalazioni).to.deep.equal([]);
    });
  }

  describe('under a strict Content-Security-Policy with Trusted Types', () => {
    it('is served with the policy, and the page reports a violation when there is one', async () => {
      const r = await fetch(`/bundle/csp.html?endpoint=${encodeURIComponent(s.endpoint)}`);
      expect(r.headers.get('content-security-policy')).to.equal(
        "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html",
      );
      // The control: a script that breaks the policy on purpose is caught, so silence below means something.
      p = await apri('csp', { endpoint: s.endpoint, viola: '1' });
      const viste = () =>
        p!.win.segnalazioni.filter((x) => x.tipo === 'csp' && /viola\.js/.test(x.testo)).map((x) => x.testo);
      if ('trustedTypes' in p.win) {
        // With Trusted Types the Function constructor is stopped as a sink, before script-src is asked.
        await finche(() => viste().length === 3, 'eval, innerHTML and a foreign policy reported');
        expect(viste().join('\n'))
          .to.match(/trusted-types-sink Function/)
          .and.match(/trusted-types-sink Element innerHTML/)
          .and.match(/trusted-types-policy un-altra/);
      } else {
        await finche(() => viste().some((t) => /^script-src/.test(t)), 'eval reported');
      }
    });

    it('renders every element and submits with no violation and no console error', async () => {
      p = await apri('csp', { endpoint: s.endpoint });
      const el = await inviaEControlla(p, s);
      expect(campo(el, 'Cognome').value, 'the form is empty again after sending').to.equal('');
      for (const t of await tagDelManifest()) {
        const x = p.doc.querySelector(t);
        if (x && t !== 'assistenza-provider')
          expect(x.shadowRoot?.childNodes.length, `${t} rendered`).to.be.greaterThan(0);
      }
      // Violations are reported in a task of their own: give them time to arrive.
      await new Promise((r) => setTimeout(r, 300));
      expect(p.win.segnalazioni).to.deep.equal([]);
    });

    it('shows a validation error (new DOM after the first render) without a violation', async () => {
      p = await apri('csp', { endpoint: s.endpoint });
      const el = await moduloPronto(p);
      pulsante(el, 'Invia richiesta').click();
      await finche(() => campo(el, 'Cognome').getAttribute('aria-invalid') === 'true', 'the error is shown');
      await new Promise((r) => setTimeout(r, 300));
      expect(p.win.segnalazioni).to.deep.equal([]);
      expect((await s.registro()).tentativi).to.have.length(0);
    });
  });
});

describe('the bundle dist/assistenza-telefonica.js on an Ente’s page', () => {
  let p: Pagina | undefined;
  afterEach(() => p?.chiudi());

  const TUTTI = [
    'assistenza-provider',
    'assistenza-ticket-form',
    'assistenza-telefonica',
    'assistenza-limiti',
    'assistenza-tempi-risposta',
    'assistenza-richieste',
  ];

  async function bannerPronto(p: Pagina) {
    await finche(() => !!p.win.customElements.get('assistenza-telefonica'), 'the bundle registered the phone line');
    const el = p.doc.querySelector('assistenza-telefonica') as HTMLElement & { updateComplete: Promise<boolean> };
    await el.updateComplete;
    return el;
  }

  for (const [tipo, come] of [
    ['telefonica-classico', 'a plain <script src>'],
    ['telefonica-modulo', 'a <script type="module" src>'],
    ['telefonica-csp', 'a page under the strict CSP with Trusted Types'],
  ] as const) {
    it(`from ${come}: registers only <assistenza-telefonica>, shows the number, and opens no IndexedDB, channel, lock or request`, async () => {
      p = await apri(tipo);
      const el = await bannerPronto(p);
      expect(TUTTI.filter((t) => p!.win.customElements.get(t))).to.deep.equal(['assistenza-telefonica']);
      expect(el.shadowRoot!.querySelector('a')!.getAttribute('href')).to.equal('tel:+390521123456');
      // Violations are reported in a task of their own: give them time to arrive.
      await new Promise((r) => setTimeout(r, 300));
      expect(p.win.segnalazioni).to.deep.equal([]);
      expect(p.win.aperture).to.deep.equal([]);
    });
  }

  it('the sentinel sees what the full bundle opens, so an empty list above means something', async () => {
    await pulisciArchivio();
    const s = nuovoSecchio();
    p = await apri('classico', { endpoint: s.endpoint });
    await moduloPronto(p);
    await finche(
      () => p!.win.aperture.some((a) => a === 'indexedDB assistenza-tecnica'),
      'the full bundle opened its IndexedDB',
    );
    await finche(() => p!.win.aperture.some((a) => a === 'BroadcastChannel assistenza-tecnica'), 'and its channel');
  });
});
