// `npm run size` (scripts/size.mjs) really fails on a bundle over its budget, and passes one under it.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const size = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['scripts/size.mjs', ...args], { encoding: 'utf8' });
  return { codice: r.status, uscita: r.stdout + r.stderr };
};

describe('npm run size', () => {
  let cartella: string;
  before(() => {
    cartella = mkdtempSync(join(tmpdir(), 'assistenza-size-'));
  });
  after(() => rmSync(cartella, { recursive: true, force: true }));

  it('fails on a file over its budget and prints the figure and the budget', () => {
    // Random bytes do not compress: 40 KiB of base64 stay well above 24 KiB gzipped.
    const file = join(cartella, 'grande.js');
    const dati = Buffer.from(
      randomBytes(30 * 1024)
        .toString('base64')
        .slice(0, 40 * 1024),
    );
    writeFileSync(file, dati);
    const gz = gzipSync(dati, { level: 9 }).length;
    assert.ok(gz > 24 * 1024);
    const r = size(file, '--budget', String(24 * 1024));
    assert.notEqual(r.codice, 0);
    assert.match(
      r.uscita,
      new RegExp(`${gz} bytes gzipped is ${gz - 24 * 1024} bytes above the budget of 24\\.00 KB \\(24576 bytes\\)`),
    );
  });

  it('passes a file within its budget and says what is left; the budget is exact to the byte', () => {
    const file = join(cartella, 'piccolo.js');
    writeFileSync(file, 'console.log("assistenza");\n'.repeat(1000));
    const gz = gzipSync('console.log("assistenza");\n'.repeat(1000), { level: 9 }).length;
    const r = size(file, '--budget', String(gz));
    assert.equal(r.codice, 0, r.uscita);
    assert.match(r.uscita, new RegExp(`within budget: .* \\(${gz} bytes\\), 0 bytes to spare`));
    assert.equal(size(file, '--budget', String(gz - 1)).codice, 1);
  });

  it('wants a budget for a file that is not one of the bundles', () => {
    const file = join(cartella, 'piccolo.js');
    const r = size(file);
    assert.equal(r.codice, 2);
    assert.match(r.uscita, /give it a --budget/);
  });

  it('checks each built bundle against its own budget: 42 KB for the full one, 10 KB for the phone banner (npm test builds them first)', () => {
    const r = size();
    assert.equal(r.codice, 0, r.uscita);
    assert.match(r.uscita, /dist\/assistenza-tecnica\.js: .*\n {2}size: within budget: 42\.00 KB \(43008 bytes\)/);
    assert.match(r.uscita, /dist\/assistenza-telefonica\.js: .*\n {2}size: within budget: 10\.00 KB \(10240 bytes\)/);
  });

  it('a bundle over its own budget fails the check', () => {
    const telefono = readFileSync('dist/assistenza-telefonica.js');
    const gz = gzipSync(telefono, { level: 9 }).length;
    const r = size('dist/assistenza-telefonica.js', '--budget', String(gz - 1));
    assert.equal(r.codice, 1);
    assert.match(r.uscita, /1 bytes above the budget/);
  });

  for (const file of ['dist/assistenza-tecnica.js', 'dist/assistenza-telefonica.js']) {
    it(`${file} is pure ASCII, so a page in any encoding (an old windows-1252 site) reads its texts right`, () => {
      assert.doesNotMatch(readFileSync(file, 'latin1'), /[\u0080-\uffff]/);
    });
  }

  it('the accented texts are still there, as escapes: "non è stata inviata" is written non \\u00e8 stata inviata', () => {
    assert.match(readFileSync('dist/assistenza-tecnica.js', 'latin1'), /non \\u00e8 stata inviata/i);
  });

  it('says so when the file is missing', () => {
    const r = size(join(cartella, 'manca.js'), '--budget', '100');
    assert.equal(r.codice, 2);
    assert.match(r.uscita, /does not exist/);
  });
});
