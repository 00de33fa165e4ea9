// What the README promises a Node backend: `import { richiestaSchema } from 'assistenza-tecnica'` loads in Node (the
// built dist/lib, through package.json's exports) and validates a request as the form and the endpoint do.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

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
});
