// The package's entries as an npm user imports them: each registers its own element only, and the display elements
// join the delivery queue only through the full package.
import { expect, oneEvent } from '@open-wc/testing';
import { finche } from './helpers.js';

const TUTTI = [
  'assistenza-provider',
  'assistenza-ticket-form',
  'assistenza-telefonica',
  'assistenza-limiti',
  'assistenza-tempi-risposta',
  'assistenza-richieste',
];

type Pagina = Window & { pronta?: boolean; aperture: string[]; segnalazioni: unknown[] };

async function apri(parametri: Record<string, string>): Promise<{ win: Pagina; chiudi(): void }> {
  const frame = document.createElement('iframe');
  frame.src = `/test/pagine/entrata.html?${new URLSearchParams(parametri)}`;
  const caricata = oneEvent(frame, 'load');
  document.body.append(frame);
  await caricata;
  const win = frame.contentWindow as unknown as Pagina;
  await finche(() => !!win.pronta, 'the entry loaded', 15000);
  return { win, chiudi: () => frame.remove() };
}

const registrati = (w: Window) => TUTTI.filter((t) => w.customElements.get(t));

describe('one entry per element', () => {
  const aperte: { chiudi(): void }[] = [];
  afterEach(() => aperte.splice(0).forEach((p) => p.chiudi()));

  for (const [entrata, tag] of [
    ['provider', 'assistenza-provider'],
    ['ticket-form', 'assistenza-ticket-form'],
    ['telefonica', 'assistenza-telefonica'],
    ['limiti', 'assistenza-limiti'],
    ['tempi-risposta', 'assistenza-tempi-risposta'],
    ['richieste', 'assistenza-richieste'],
  ]) {
    it(`'assistenza-tecnica/${entrata}' registers <${tag}> only`, async () => {
      const p = await apri({ entrata });
      aperte.push(p);
      expect(registrati(p.win)).to.deep.equal([tag]);
    });
  }

  for (const [entrata, tag] of [
    ['telefonica', 'assistenza-telefonica'],
    ['limiti', 'assistenza-limiti'],
    ['tempi-risposta', 'assistenza-tempi-risposta'],
  ]) {
    it(`<${tag}> from its own entry opens no IndexedDB, channel, lock or request`, async () => {
      const p = await apri({ entrata, elemento: tag, abilitata: '', numero: '0521 123456' });
      aperte.push(p);
      await new Promise((r) => setTimeout(r, 200));
      expect(p.win.aperture).to.deep.equal([]);
    });
  }

  it("'assistenza-tecnica' registers every element, and there the phone line alone joins the delivery queue", async () => {
    const p = await apri({ entrata: 'index', elemento: 'assistenza-telefonica', abilitata: '', numero: '0521 123456' });
    aperte.push(p);
    expect(registrati(p.win)).to.deep.equal(TUTTI);
    await finche(() => p.win.aperture.includes('indexedDB assistenza-tecnica'), 'the queue opened');
  });
});
