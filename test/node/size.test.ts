// `npm run size` (scripts/size.mjs) really fails on a bundle over the budget, and passes one under it.
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

  it('fails on a bundle over the default 24 KB budget and prints the figure and the budget', () => {
    // Random bytes do not compress: 30 KiB of them stay well above 24 KiB gzipped.
    const file = join(cartella, 'grande.js');
    const dati = Buffer.from(randomBytes(30 * 1024).toString('base64').slice(0, 40 * 1024));
    writeFileSync(file, dati);
    const gz = gzipSync(dati, { level: 9 }).length;
    assert.ok(gz > 24 * 1024);
    const r = size(file);
    assert.notEqual(r.codice, 0);
    assert.match(r.uscita, new RegExp(`${gz} bytes gzipped is ${gz - 24 * 1024} bytes above the budget of 24\\.00 KB \\(24576 bytes\\)`));
  });

  it('passes a bundle within the budget and says what is left', () => {
    const file = join(cartella, 'piccolo.js');
    writeFileSync(file, 'console.log("assistenza");\n'.repeat(1000));
    const r = size(file);
    assert.equal(r.codice, 0, r.uscita);
    assert.match(r.uscita, /within budget: 24\.00 KB \(24576 bytes\)/);
  });

  it('takes another budget in bytes', () => {
    const file = join(cartella, 'piccolo.js');
    const gz = gzipSync('console.log("assistenza");\n'.repeat(1000), { level: 9 }).length;
    assert.equal(size(file, '--budget', String(gz)).codice, 0);
    assert.equal(size(file, '--budget', String(gz - 1)).codice, 1);
  });

  it('the built dist/assistenza-tecnica.js is within the budget (npm test builds it first)', () => {
    const r = size();
    assert.equal(r.codice, 0, r.uscita);
    assert.match(r.uscita, /within budget/);
  });

  it('the built bundle is pure ASCII, so a page in any encoding (an old windows-1252 site) reads its texts right', () => {
    const testo = readFileSync('dist/assistenza-tecnica.js', 'latin1');
    assert.doesNotMatch(testo, /[\u0080-\uffff]/);
    // The accented words are still there, as escapes: "non è stata inviata" is written non \u00e8 stata inviata.
    assert.match(testo, /non \\u00e8 stata inviata/);
  });

  it('says so when the file is missing', () => {
    const r = size(join(cartella, 'manca.js'));
    assert.equal(r.codice, 2);
    assert.match(r.uscita, /does not exist/);
  });
});
