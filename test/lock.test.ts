import { expect } from '@open-wc/testing';
import { CHIAVE_LEASE, conLease, conLock } from '../src/delivery/lock.js';
import { ArchivioResiliente } from '../src/delivery/archivio.js';
import { pulisciArchivio } from './helpers.js';

const attendi = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs two "tabs" at once through `lock` and records overlapping sections. */
async function sovrapposizioni(lock: (tab: string, f: () => Promise<void>) => Promise<void>) {
  let dentro = 0;
  let massimo = 0;
  const ordine: string[] = [];
  const sezione = (tab: string) => async () => {
    dentro++;
    massimo = Math.max(massimo, dentro);
    ordine.push(`${tab}+`);
    await attendi(60);
    ordine.push(`${tab}-`);
    dentro--;
  };
  await Promise.all(['a', 'b', 'c'].map((t) => lock(t, sezione(t))));
  return { massimo, ordine };
}

describe('one tab delivers at a time', () => {
  beforeEach(pulisciArchivio);

  it('with the Web Locks API, sections never overlap', async () => {
    const a = new ArchivioResiliente();
    const { massimo, ordine } = await sovrapposizioni((tab, f) => conLock(a, tab, f));
    expect(massimo).to.equal(1);
    expect(ordine).to.have.length(6);
  });

  it('without Web Locks, the lease in IndexedDB excludes the other tabs (three archives: three connections)', async () => {
    const archivi = { a: new ArchivioResiliente(), b: new ArchivioResiliente(), c: new ArchivioResiliente() };
    // What each section saw in the archive while it ran: the lease must be its own.
    const leaseVisti: unknown[] = [];
    const { massimo, ordine } = await sovrapposizioni((tab, f) =>
      conLock(
        archivi[tab as 'a'],
        tab,
        async () => {
          leaseVisti.push((await archivi.a.leggi<{ tab: string }>(CHIAVE_LEASE))?.tab === tab);
          await f();
        },
        null,
      ),
    );
    expect(massimo).to.equal(1);
    expect(ordine).to.have.length(6);
    expect(leaseVisti).to.deep.equal([true, true, true]);
    expect(await archivi.a.leggi(CHIAVE_LEASE), 'released at the end').to.be.undefined;
  });

  it('a lease left by a tab that died expires', async () => {
    const a = new ArchivioResiliente();
    await a.scrivi([CHIAVE_LEASE, { tab: 'morta', scade: Date.now() - 1 }]);
    let eseguita = false;
    await conLease(a, 'viva', async () => void (eseguita = true));
    expect(eseguita).to.be.true;
    expect(await a.leggi(CHIAVE_LEASE)).to.be.undefined;
  });

  it('a lease held by a live tab is waited for', async () => {
    const a = new ArchivioResiliente();
    await a.scrivi([CHIAVE_LEASE, { tab: 'altra', scade: Date.now() + 60_000 }]);
    let eseguita = false;
    const p = conLease(a, 'io', async () => void (eseguita = true));
    await attendi(400);
    expect(eseguita).to.be.false;
    await a.scrivi([CHIAVE_LEASE, undefined]);
    await p;
    expect(eseguita).to.be.true;
  });
});
