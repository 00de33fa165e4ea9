import { expect } from '@open-wc/testing';
import { orologioDiSistema, TIMER_MASSIMO_MS } from '../src/orologio.js';

describe('the system clock', () => {
  it('a timer of more than 2^31 - 1 ms (25 days) does not fire at once: it is capped, and fires no sooner than that', async () => {
    let scattati = 0;
    const annulla = [2 ** 31, 30 * 86_400_000, Number.MAX_SAFE_INTEGER].map((ms) =>
      orologioDiSistema.programma(() => scattati++, ms),
    );
    await new Promise((r) => setTimeout(r, 200));
    annulla.forEach((a) => a());
    expect(scattati).to.equal(0);
    expect(TIMER_MASSIMO_MS).to.equal(2_147_483_647);
  });

  it('an ordinary timer fires when due, and not after it is cancelled', async () => {
    const scattati: string[] = [];
    orologioDiSistema.programma(() => scattati.push('dovuto'), 10);
    orologioDiSistema.programma(() => scattati.push('annullato'), 10)();
    await new Promise((r) => setTimeout(r, 100));
    expect(scattati).to.deep.equal(['dovuto']);
  });
});
