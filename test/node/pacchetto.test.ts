// What the README promises a Node backend: `import { richiestaSchema } from 'assistenza-tecnica'` loads in Node (the
// built dist/lib, through package.json's exports) and validates a request as the form and the endpoint do.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const inNode = (codice: string) => {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', codice], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
};

describe("import 'assistenza-tecnica' in Node", () => {
  it('exports richiestaSchema, which trims a valid request and refuses unknown fields', () => {
    const esito = inNode(`
      const { richiestaSchema } = await import('assistenza-tecnica');
      const base = { id: crypto.randomUUID(), cognome: ' Rossi ', nome: 'Mario', rispostaViaEmail: false, descrizione: 'Prova', creataIl: new Date().toISOString() };
      const ok = richiestaSchema.safeParse(base);
      const ko = richiestaSchema.safeParse({ ...base, admin: true });
      console.log(JSON.stringify({ ok: ok.success, cognome: ok.data?.cognome, ko: ko.success }));
    `);
    assert.deepEqual(esito, { ok: true, cognome: 'Rossi', ko: false });
  });

  it('exports dimentica, which a host calls at logout (the browser tests show what it removes)', () => {
    const esito = inNode(`
      const { dimentica } = await import('assistenza-tecnica');
      console.log(JSON.stringify({ tipo: typeof dimentica, parametri: dimentica.length }));
    `);
    assert.deepEqual(esito, { tipo: 'function', parametri: 1 });
  });
});

/** The files esbuild puts in a bundle of `entrata`, as a bundler of an npm user would (sideEffects respected). */
async function fileNelBundle(entrata: string): Promise<string[]> {
  const { build } = await import('esbuild');
  const r = await build({
    entryPoints: [entrata],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    metafile: true,
    logLevel: 'silent',
  });
  return Object.keys(r.metafile.inputs);
}

describe("import 'assistenza-tecnica/telefonica': the phone line without the rest", () => {
  for (const entrata of ['dist/lib/entries/telefonica.js', 'src/entries/telefonica.ts']) {
    it(`${entrata} bundles neither zod, idb-keyval, the queue nor the form`, async () => {
      const file = await fileNelBundle(entrata);
      assert.ok(
        file.some((f) => /telefonica\/telefonica\.(js|ts)$/.test(f)),
        'the phone line is in',
      );
      assert.ok(
        file.some((f) => f.includes('node_modules/lit')),
        'lit is in',
      );
      const estranei = file.filter((f) =>
        /node_modules\/(zod|idb-keyval)\/|\/delivery\/|ticket-form|richiesta\.|limiti\/|tempi-risposta\//.test(f),
      );
      assert.deepEqual(estranei, []);
    });
  }

  it('the package exports one entry per element and both bundles', () => {
    const esportazioni = JSON.parse(readFileSync('package.json', 'utf8')).exports as Record<string, unknown>;
    for (const e of ['./provider', './ticket-form', './telefonica', './limiti', './tempi-risposta', './richieste'])
      assert.ok(esportazioni[e], e);
    assert.equal(esportazioni['./bundle'], './dist/assistenza-tecnica.js');
    assert.equal(esportazioni['./bundle/telefonica'], './dist/assistenza-telefonica.js');
  });

  it('resolves every entry through the exports map, in Node', () => {
    const esito = inNode(`
      const nomi = ['assistenza-tecnica/telefonica', 'assistenza-tecnica/ticket-form', 'assistenza-tecnica/limiti', 'assistenza-tecnica/tempi-risposta', 'assistenza-tecnica/provider'];
      console.log(JSON.stringify(nomi.map((n) => import.meta.resolve(n).replace(/^.*\\/dist\\//, 'dist/'))));
    `);
    assert.deepEqual(esito, [
      'dist/lib/entries/telefonica.js',
      'dist/lib/entries/ticket-form.js',
      'dist/lib/entries/limiti.js',
      'dist/lib/entries/tempi-risposta.js',
      'dist/lib/entries/provider.js',
    ]);
  });
});
