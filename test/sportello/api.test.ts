// What the console reads from the server's answers without a request: the download paths under its own base, the
// record's next page.
import { expect } from '@open-wc/testing';
import { primaDiDa, sottoBase } from '../../sportello/src/api.js';

describe('sportello/api', () => {
  it('reaches the server’s /api/sportello paths under the console’s own base', () => {
    expect(sottoBase('/api/sportello/allegati/x1', '/api/sportello')).to.equal('/api/sportello/allegati/x1');
    expect(sottoBase('/api/sportello/allegati/x1', '/prova/b1/sportello')).to.equal('/prova/b1/sportello/allegati/x1');
    expect(sottoBase('/altrove/allegati/x1', '/prova/b1/sportello'), 'another path as it is').to.equal(
      '/altrove/allegati/x1',
    );
  });

  it('reads the next page of the record from Link rel="next"', () => {
    expect(primaDiDa('</api/sportello/registro?operatore=anna&prima-di=120>; rel="next"')).to.equal(120);
    expect(primaDiDa('</api/sportello/registro?prima-di=7>; rel=next')).to.equal(7);
    expect(primaDiDa('</api/sportello/registro?prima-di=7>; rel="prev"')).to.equal(undefined);
    expect(primaDiDa(null)).to.equal(undefined);
  });
});
