// The help desk's operators over real HTTP, on PGlite and on PostgreSQL: login and its cookie, the lock after
// repeated failures, 401/403 on every route, the Origin and JSON rules, logout, removal, and the record of each action.
import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { MOTORI, operatoreDiProva, serverDiProva, servi, type ServerDiProva } from './aiuti.js';
import { invia, italiano, richiesta } from './http.js';
import { documentoOpenApi } from '../src/rotte/openapi.js';
import { aggiungiOperatore, primoAmministratore } from '../src/servizi/operatori.js';

const json = (testo: string) => (testo === '' ? {} : (JSON.parse(testo) as Record<string, unknown>));

for (const motore of MOTORI) {
  describe(`the help desk’s operators (${motore})`, () => {
    let s: ServerDiProva;
    beforeEach(async () => {
      s = await serverDiProva(motore);
    });
    afterEach(async () => {
      await s.chiudi();
    });

    const accedi = (utente: string, password: string, intestazioni: Record<string, string> = {}) =>
      fetch(`${s.url}/api/sportello/accesso`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: s.url, ...intestazioni },
        body: JSON.stringify({ utente, password }),
      });
    const registro = async (cookie: string, query = '') => {
      const r = await fetch(`${s.url}/api/sportello/registro${query}`, { headers: { Cookie: cookie } });
      assert.equal(r.status, 200);
      return ((await r.json()) as { voci: { operatore: string; azione: string; numero: number | null }[] }).voci;
    };

    it('logs in with a session cookie: random, HttpOnly, SameSite=Strict, Path=/, not Secure without ASSISTENZA_HTTPS', async () => {
      await aggiungiOperatore(
        s.db,
        { utente: 'Laura', nome: 'Laura Neri', password: 'una-password-lunga', ruolo: 'operatore' },
        undefined,
      );
      const a = await accedi('LAURA', 'una-password-lunga');
      assert.equal(a.status, 204);
      const cookie = a.headers.get('set-cookie')!;
      const [coppia, ...attributi] = cookie.split('; ');
      const valore = coppia.slice('assistenza-sportello='.length);
      assert.ok(Buffer.from(valore, 'base64url').length >= 16, 'at least 128 bits');
      assert.deepEqual(attributi.sort(), ['HttpOnly', 'Path=/', 'SameSite=Strict']);
      const b = await accedi('laura', 'una-password-lunga');
      assert.notEqual(b.headers.get('set-cookie')!.split(';')[0], coppia, 'a new value every login');
      const chi = await fetch(`${s.url}/api/sportello/sessione`, { headers: { Cookie: coppia } });
      assert.deepEqual(await chi.json(), { utente: 'laura', nome: 'Laura Neri', ruolo: 'operatore' });
    });

    it('marks the cookie Secure behind HTTPS', async () => {
      const https = await servi(s.db, { https: true });
      try {
        await aggiungiOperatore(
          s.db,
          { utente: 'sicuro', nome: 'S', password: 'una-password-lunga', ruolo: 'operatore' },
          undefined,
        );
        const a = await fetch(`${https.url}/api/sportello/accesso`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: https.url.replace('http:', 'https:') },
          body: JSON.stringify({ utente: 'sicuro', password: 'una-password-lunga' }),
        });
        assert.equal(a.status, 204);
        assert.match(a.headers.get('set-cookie')!, /; Secure/);
      } finally {
        await https.app.close();
      }
    });

    it('answers a wrong user and a wrong password with one 401 message', async () => {
      await aggiungiOperatore(
        s.db,
        { utente: 'laura', nome: 'L', password: 'una-password-lunga', ruolo: 'operatore' },
        undefined,
      );
      const utente = await accedi('nessuno', 'una-password-lunga');
      const password = await accedi('laura', 'sbagliata');
      assert.equal(utente.status, 401);
      assert.equal(password.status, 401);
      assert.equal(await utente.text(), await password.text());
      assert.equal(utente.headers.get('set-cookie'), null);
    });

    it('locks a name after 5 failures within 15 minutes, even with the right password, and lets it in after', async () => {
      await aggiungiOperatore(
        s.db,
        { utente: 'laura', nome: 'L', password: 'una-password-lunga', ruolo: 'operatore' },
        undefined,
      );
      for (let i = 0; i < 5; i++) assert.equal((await accedi('laura', `sbagliata-${i}`)).status, 401);
      const bloccato = await accedi('laura', 'una-password-lunga');
      assert.equal(bloccato.status, 429);
      const attesa = Number(bloccato.headers.get('retry-after'));
      assert.ok(attesa > 890 && attesa <= 900, `Retry-After ${attesa}`);
      italiano(((await bloccato.json()) as { messaggio: string }).messaggio);
      // Another name from the same address is not locked by these five.
      await aggiungiOperatore(
        s.db,
        { utente: 'marco', nome: 'M', password: 'una-password-lunga', ruolo: 'operatore' },
        undefined,
      );
      assert.equal((await accedi('marco', 'una-password-lunga')).status, 204);
      // The window passes: the failures age out of it.
      await s.db.query("UPDATE accessi_falliti SET il = il - interval '16 minutes'");
      const entra = await accedi('laura', 'una-password-lunga');
      assert.equal(entra.status, 204);
      const admin = await operatoreDiProva(s, 'amministratore');
      const voci = (await registro(admin.cookie, '?operatore=laura')).map((v) => v.azione);
      assert.deepEqual(voci.slice(0, 2), ['accesso', 'accesso-bloccato']);
      assert.equal(voci.filter((a) => a === 'accesso-fallito').length, 5);
    });

    it('locks an address after 20 failures, whatever the names', async () => {
      await aggiungiOperatore(
        s.db,
        { utente: 'laura', nome: 'L', password: 'una-password-lunga', ruolo: 'operatore' },
        undefined,
      );
      for (let i = 0; i < 20; i++) assert.equal((await accedi(`nome-${i}`, 'x')).status, 401);
      const a = await accedi('laura', 'una-password-lunga');
      assert.equal(a.status, 429);
      assert.ok(Number(a.headers.get('retry-after')) > 0);
    });

    it('answers 401 on every help desk route without a session, and 403 to an operator on administrators’ routes', async () => {
      const operatore = await operatoreDiProva(s, 'operatore');
      const percorsi = documentoOpenApi().paths;
      let provate = 0;
      for (const [url, metodi] of Object.entries(percorsi)) {
        if (!url.startsWith('/api/sportello/') || url === '/api/sportello/accesso') continue;
        for (const metodo of Object.keys(metodi)) {
          const indirizzo = `${s.url}${url.replace('{id}', randomUUID()).replace('{utente}', 'qualcuno')}`;
          const init = { method: metodo.toUpperCase(), headers: { 'Content-Type': 'application/json', Origin: s.url } };
          const senza = await fetch(indirizzo, { ...init, body: metodo === 'get' ? undefined : '{}' });
          assert.equal(senza.status, 401, `${metodo} ${url}`);
          italiano(((await senza.json()) as { messaggio: string }).messaggio);
          provate++;
          if (/operatori|registro|utenti/.test(url)) {
            const h = operatore.intestazioni();
            const vietata = await fetch(indirizzo, {
              method: init.method,
              headers: h,
              body: metodo === 'get' ? undefined : '{}',
            });
            assert.equal(vietata.status, 403, `operator on ${metodo} ${url}`);
          }
        }
      }
      assert.ok(provate >= 10, `${provate} routes tried`);
    });

    it('refuses a state-changing call from another Origin, without one, or not declared JSON, with 403', async () => {
      const admin = await operatoreDiProva(s, 'amministratore');
      const r = richiesta();
      await invia(s, r);
      const prova = (intestazioni: Record<string, string>) =>
        fetch(`${s.url}/api/sportello/richieste/${r.id}`, {
          method: 'PATCH',
          headers: intestazioni,
          body: JSON.stringify({ stato: 'risolta' }),
        });
      const { Origin: _, ...senzaOrigin } = admin.intestazioni();
      for (const [come, h] of [
        ['another origin', admin.intestazioni({ Origin: 'https://malevolo.esempio' })],
        ['no origin', senzaOrigin],
        ['text/plain', admin.intestazioni({ 'Content-Type': 'text/plain' })],
        ['form', admin.intestazioni({ 'Content-Type': 'application/x-www-form-urlencoded' })],
      ] as const) {
        const a = await prova(h);
        assert.equal(a.status, 403, come);
        italiano(((await a.json()) as { messaggio: string }).messaggio);
      }
      assert.equal((await prova(admin.intestazioni())).status, 200);
      const altra = await servi(s.db, { origini: ['https://console.esempio.it'] });
      try {
        const a = await fetch(`${altra.url}/api/sportello/richieste/${r.id}`, {
          method: 'PATCH',
          headers: admin.intestazioni({ Origin: 'https://console.esempio.it' }),
          body: JSON.stringify({ stato: 'chiusa' }),
        });
        assert.equal(a.status, 200, 'an origin of ASSISTENZA_ORIGINI');
      } finally {
        await altra.app.close();
      }
      const login = await accedi('x', 'y', { Origin: 'https://malevolo.esempio' });
      assert.equal(login.status, 403, 'the login too');
    });

    it('ends the session at logout, and after 8 hours without use', async () => {
      const op = await operatoreDiProva(s);
      const chi = () => fetch(`${s.url}/api/sportello/sessione`, { headers: { Cookie: op.cookie } });
      assert.equal((await chi()).status, 200);
      await s.db.query("UPDATE sessioni SET usata_il = now() - interval '7 hours 59 minutes'");
      assert.equal((await chi()).status, 200, 'used within 8 hours');
      await s.db.query("UPDATE sessioni SET usata_il = now() - interval '8 hours 1 minute'");
      assert.equal((await chi()).status, 401, 'expired');
      const altro = await operatoreDiProva(s);
      const uscita = await fetch(`${s.url}/api/sportello/uscita`, { method: 'POST', headers: altro.intestazioni() });
      assert.equal(uscita.status, 204);
      assert.match(uscita.headers.get('set-cookie')!, /^assistenza-sportello=; .*Max-Age=0/);
      assert.equal((await fetch(`${s.url}/api/sportello/sessione`, { headers: { Cookie: altro.cookie } })).status, 401);
    });

    it('lets administrators add and remove operators: a removed one’s sessions end, the last administrator stays', async () => {
      const admin = await operatoreDiProva(s, 'amministratore');
      const aggiungi = (corpo: unknown) =>
        fetch(`${s.url}/api/sportello/operatori`, {
          method: 'POST',
          headers: admin.intestazioni(),
          body: JSON.stringify(corpo),
        });
      const corta = await aggiungi({ utente: 'giulia', nome: 'Giulia', password: 'corta', ruolo: 'operatore' });
      assert.equal(corta.status, 422);
      const ok = await aggiungi({
        utente: 'Giulia',
        nome: 'Giulia Verdi',
        password: 'dodici-caratteri',
        ruolo: 'operatore',
      });
      assert.equal(ok.status, 201);
      assert.deepEqual(await ok.json(), { utente: 'giulia', nome: 'Giulia Verdi', ruolo: 'operatore' });
      assert.equal(
        (await aggiungi({ utente: 'giulia', nome: 'G', password: 'dodici-caratteri', ruolo: 'operatore' })).status,
        409,
      );
      const elenco = (await (
        await fetch(`${s.url}/api/sportello/operatori`, { headers: { Cookie: admin.cookie } })
      ).json()) as {
        operatori: { utente: string }[];
      };
      assert.ok(elenco.operatori.some((o) => o.utente === 'giulia'));

      const entra = await accedi('giulia', 'dodici-caratteri');
      const cookieGiulia = entra.headers.get('set-cookie')!.split(';')[0];
      const rimuovi = (utente: string) =>
        fetch(`${s.url}/api/sportello/operatori/${utente}`, { method: 'DELETE', headers: admin.intestazioni() });
      assert.equal((await rimuovi('giulia')).status, 204);
      assert.equal((await fetch(`${s.url}/api/sportello/sessione`, { headers: { Cookie: cookieGiulia } })).status, 401);
      assert.equal((await rimuovi('giulia')).status, 404);
      assert.equal((await rimuovi(admin.utente)).status, 409, 'the last administrator');
      const voci = await registro(admin.cookie, `?operatore=${admin.utente}`);
      assert.deepEqual(voci.map((v) => v.azione).slice(0, 2), ['operatore-rimosso', 'operatore-aggiunto']);
    });

    it('writes each action to the record, which no route can change', async () => {
      const admin = await operatoreDiProva(s, 'amministratore');
      const op = await operatoreDiProva(s);
      const r = richiesta();
      const { numero } = (await invia(s, r)).json;
      await fetch(`${s.url}/api/sportello/richieste/${r.id}/messaggi`, {
        method: 'POST',
        headers: op.intestazioni(),
        body: JSON.stringify({ testo: 'Buongiorno.', stato: 'attesa-utente' }),
      });
      await fetch(`${s.url}/api/sportello/richieste/${r.id}`, {
        method: 'PATCH',
        headers: op.intestazioni(),
        body: JSON.stringify({ stato: 'risolta' }),
      });
      await fetch(`${s.url}/api/sportello/uscita`, { method: 'POST', headers: op.intestazioni() });
      const voci = await registro(admin.cookie, `?operatore=${op.utente}`);
      assert.deepEqual(
        voci.map((v) => [v.azione, v.numero]),
        [
          ['uscita', null],
          ['cambio-stato', numero],
          ['risposta', numero],
          ['accesso', null],
        ],
      );
      const perRichiesta = await registro(admin.cookie, `?richiesta=${r.id}`);
      assert.deepEqual(
        perRichiesta.map((v) => v.azione),
        ['cambio-stato', 'risposta'],
      );
      for (const metodo of ['PUT', 'PATCH', 'DELETE', 'POST']) {
        const a = await fetch(`${s.url}/api/sportello/registro`, {
          method: metodo,
          headers: admin.intestazioni(),
          body: '{}',
        });
        assert.equal(a.status, 405, metodo);
      }
      await assert.rejects(s.db.query("UPDATE registro SET operatore = 'altri'"), /registro.*si aggiunge soltanto/);
      await assert.rejects(s.db.query('DELETE FROM registro'), /si aggiunge soltanto/);
      assert.equal(
        json(await (await fetch(`${s.url}/api/sportello/registro`, { headers: { Cookie: admin.cookie } })).text())
          .voci !== undefined,
        true,
      );
    });

    it('creates the first administrator from the configuration on a start with no operator, and ignores it after', async () => {
      assert.deepEqual(await primoAmministratore(s.db, undefined), { esito: 'manca' });
      assert.deepEqual(await primoAmministratore(s.db, { utente: 'Capo', password: 'password-del-capo' }), {
        esito: 'creato',
        utente: 'capo',
      });
      assert.deepEqual(await primoAmministratore(s.db, { utente: 'altro', password: 'password-dell-altro' }), {
        esito: 'non-serve',
      });
      assert.equal((await accedi('capo', 'password-del-capo')).status, 204);
      assert.equal((await accedi('altro', 'password-dell-altro')).status, 401);
    });
  });
}

describe('the operators’ sessions across instances (postgresql)', () => {
  it('a session opened on one instance is known by another on the same PostgreSQL; logout ends it on both', async () => {
    const s = await serverDiProva('postgresql');
    const seconda = await servi(s.db);
    try {
      const op = await operatoreDiProva(s);
      const chi = (url: string) => fetch(`${url}/api/sportello/sessione`, { headers: { Cookie: op.cookie } });
      assert.equal((await chi(seconda.url)).status, 200);
      await fetch(`${seconda.url}/api/sportello/uscita`, {
        method: 'POST',
        headers: op.intestazioni({ Origin: seconda.url }),
      });
      assert.equal((await chi(s.url)).status, 401);
      assert.equal((await chi(seconda.url)).status, 401);
    } finally {
      await seconda.app.close();
      await s.chiudi();
    }
  });
});
