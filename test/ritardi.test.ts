import { expect } from '@open-wc/testing';
import { ritardo, leggiRetryAfter } from '../src/delivery/ritardi.js';

describe('retry delays', () => {
  it('the first retry comes within about 5 s, with jitter between half and all of the step', () => {
    expect(ritardo(1, 0)).to.equal(2500);
    expect(ritardo(1, 1)).to.equal(5000);
    expect(ritardo(1, 0.5)).to.equal(3750);
  });

  it('doubles at each failure and stops at about 5 minutes', () => {
    expect([1, 2, 3, 4].map((n) => ritardo(n, 1))).to.deep.equal([5000, 10000, 20000, 40000]);
    expect(ritardo(6, 1)).to.equal(160_000);
    expect(ritardo(7, 1)).to.equal(300_000);
    expect(ritardo(50, 1)).to.equal(300_000);
    expect(ritardo(1000, 0)).to.equal(150_000);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const ora = Date.UTC(2026, 10, 26, 10, 0, 0);
    expect(leggiRetryAfter('120', ora)).to.equal(120_000);
    expect(leggiRetryAfter(' 0 ', ora)).to.equal(0);
    expect(leggiRetryAfter('Thu, 26 Nov 2026 10:01:30 GMT', ora)).to.equal(90_000);
    expect(leggiRetryAfter('Thu, 26 Nov 2026 09:00:00 GMT', ora)).to.equal(0);
    expect(leggiRetryAfter('domani', ora)).to.be.undefined;
    expect(leggiRetryAfter(null, ora)).to.be.undefined;
    expect(leggiRetryAfter('-5', ora)).to.be.undefined;
  });

  it('never waits more than one hour for a Retry-After, in seconds or as a date', () => {
    const ora = Date.UTC(2026, 10, 26, 10, 0, 0);
    expect(leggiRetryAfter('3600', ora)).to.equal(3_600_000);
    expect(leggiRetryAfter('2592000', ora)).to.equal(3_600_000);
    expect(leggiRetryAfter('99999999999999999999999', ora)).to.equal(3_600_000);
    expect(leggiRetryAfter('Sat, 26 Dec 2026 10:00:00 GMT', ora)).to.equal(3_600_000);
  });
});
