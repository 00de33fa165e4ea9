// The help desk's answer by mail, over real SMTP and HTTP, on PGlite and on PostgreSQL: the outbox and its worker
// (once, with its subject, Reply-To, text and threading; kept while the mail server is down; 4xx tried again with a
// doubling wait up to 48 hours; 5xx failed, and "Invia di nuovo" with the same Message-ID; two instances never send
// one mail twice), and the user's reply by mail back into its request (threaded, its files checked, each refusal a 550).
import { describe, it, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { MOTORI, databaseDiProva, servi } from './aiuti.js';
import { amministratore, elenco, invia, rispostaSportello, richiesta, cambiaStato, type ConDatabase } from './http.js';
import {
  DOMINIO,
  Orologio,
  Raccoglitore,
  configurazionePosta,
  inviaAlServer,
  serverConPosta,
  type ServerConPosta,
} from './posta.js';
import { tokenRisposta } from '../src/servizi/posta.js';
import { apriPostgres } from '../src/archivio/apri.js';

interface Mail {
  id: string;
  messaggio: string;
  destinatario: string;
  oggetto: string;
  messageId: string;
  stato: string;
  tentativi: number;
  prossimoTentativoIl?: string;
  inviataIl?: string;
  motivo?: string;
  reinvio: string;
}

interface Vista {
  stato: string;
  invioPosta: string;
  messaggi: { id: string; autore: string; testo: string }[];
  allegati: { nome: string; tipo: string; dimensione: number }[];
  posta: Mail[];
}

/** GET /api/sportello/richieste/:id, as the console reads it. */
async function vista(s: ConDatabase, id: string): Promise<Vista> {
  const { cookie } = await amministratore(s);
  const res = await fetch(`${s.url}/api/sportello/richieste/${id}`, { headers: { Cookie: cookie } });
  assert.equal(res.status, 200);
  return (await res.json()) as Vista;
}

/** "Invia di nuovo" from the console. */
async function inviaDiNuovo(s: ConDatabase, percorso: string, intestazioni: Record<string, string> = {}) {
  const a = await amministratore(s);
  const res = await fetch(`${s.url}${percorso}`, { method: 'POST', headers: { ...a.intestazioni(), ...intestazioni } });
  const testo = await res.text();
  return { stato: res.status, json: (testo === '' ? {} : JSON.parse(testo)) as Record<string, string> };
}

const EMAIL = 'zoe.dangelo@esempio.it';
const MINUTO = 60_000;
const ORA = 60 * MINUTO;

/** A request of Zoë's that asked for the answer by mail. */
async function richiestaConMail(s: ConDatabase, extra: Record<string, unknown> = {}) {
  const r = richiesta({ email: EMAIL, rispostaViaEmail: true, ...extra });
  const creata = await invia(s, r, { utente: 'zdangelo' });
  assert.equal(creata.stato, 201);
  return { id: r.id, numero: creata.json.numero as number, descrizione: r.descrizione };
}

for (const motore of MOTORI) {
  describe(`the answer by mail (${motore})`, () => {
    let raccoglitore: Raccoglitore;
    let s: ServerConPosta;
    let aperto: ServerConPosta | undefined;
    beforeEach(async () => {
      raccoglitore = await Raccoglitore.avviato();
      aperto = undefined;
      s = await serverConPosta(motore, raccoglitore);
      aperto = s;
    });
    afterEach(async () => {
      // The catcher closes even when the server did not start: a port left listening keeps the run from ending.
      try {
        await aperto?.chiudi();
      } finally {
        await raccoglitore.ferma();
      }
    });

    it('sends the reply of a request with rispostaViaEmail once: subject, From, Reply-To, the reply’s text and nothing of the user’s', async () => {
      const r = await richiestaConMail(s);
      const risposta = await rispostaSportello(s, r.id, {
        testo: 'Buongiorno,\nil file supera i 10 MB: provi a comprimerlo.',
        stato: 'attesa-utente',
      });
      assert.equal(risposta.stato, 201);
      assert.equal(risposta.json.inviataViaMailA, EMAIL);
      await s.giro();
      await s.giro();
      assert.equal(raccoglitore.mail.length, 1, 'one mail');
      const [m] = raccoglitore.mail;
      assert.deepEqual(m.destinatari, [EMAIL]);
      assert.equal(m.a, EMAIL);
      assert.equal(m.da, `"Assistenza GeoTecSUE" <assistenza@${DOMINIO}>`);
      assert.equal(m.oggetto, `[Richiesta n. ${r.numero}] In attesa di una tua risposta`);
      const token = tokenRisposta(configurazionePosta(undefined).segreto, r);
      assert.equal(m.rispondiA, `assistenza+${token}@${DOMINIO}`);
      assert.match(token, /^\d+-[0-9a-f]{32}$/);
      assert.ok(m.testo.startsWith('Buongiorno,\nil file supera i 10 MB: provi a comprimerlo.\n'));
      assert.match(m.testo, /«Le mie richieste» sul portale/);
      assert.ok(!m.testo.includes(r.descrizione), 'nothing of the user’s own text');
      assert.ok(!m.grezza.includes('planimetria'), 'nor in a header');
      assert.equal(m.inReplyTo, undefined, 'the first mail answers nothing');
      const v = await vista(s, r.id);
      assert.equal(v.invioPosta, 'attivo');
      assert.equal(v.posta.length, 1);
      assert.equal(v.posta[0].stato, 'inviata');
      assert.equal(v.posta[0].messageId, m.messageId, 'the Message-ID written with the reply');
      assert.equal(v.posta[0].messaggio, risposta.json.id);
      assert.equal(v.posta[0].tentativi, 1);
      assert.ok(v.posta[0].inviataIl);
    });

    it('writes no mail for a request that did not ask for one', async () => {
      const r = await invia(s, richiesta({ rispostaViaEmail: false }), { utente: 'zdangelo' });
      const risposta = await rispostaSportello(s, r.json.id!, { testo: 'Buongiorno.' });
      assert.equal(risposta.json.inviataViaMailA, undefined);
      await s.giro();
      assert.equal(raccoglitore.mail.length, 0);
      const v = await vista(s, r.json.id!);
      assert.deepEqual([v.invioPosta, v.posta], ['non-richiesto', []]);
    });

    it('keeps the reply while the mail server is down, and the mail arrives once when it is back, within a minute', async () => {
      await raccoglitore.ferma();
      const r = await richiestaConMail(s);
      const risposta = await rispostaSportello(s, r.id, { testo: 'La pratica è sbloccata.' });
      assert.equal(risposta.stato, 201, 'the reply is stored');
      await s.giro();
      let [m] = (await vista(s, r.id)).posta;
      assert.equal(m.stato, 'da-inviare');
      assert.equal(m.tentativi, 1);
      assert.ok(m.motivo, 'the reason of the failed attempt');
      const attesa = Date.parse(m.prossimoTentativoIl!) - s.orologio.ora().getTime();
      assert.ok(attesa > 0 && attesa <= MINUTO, `the first retry within a minute (${attesa} ms)`);
      const [messaggio] = (await vista(s, r.id)).messaggi;
      assert.equal(messaggio.testo, 'La pratica è sbloccata.');

      await raccoglitore.avvia();
      await s.giro();
      assert.equal(raccoglitore.mail.length, 0, 'not before it is due');
      s.orologio.avanza(MINUTO);
      await s.giro();
      await s.giro();
      assert.equal(raccoglitore.mail.length, 1, 'once');
      [m] = (await vista(s, r.id)).posta;
      assert.equal(m.stato, 'inviata');
      assert.equal(raccoglitore.mail[0].messageId, m.messageId);
      assert.equal(m.motivo, undefined);
    });

    it('tries a 4xx again after a doubling wait, and fails it after 48 hours with the last reason', async () => {
      raccoglitore.rifiuto = { codice: 451, testo: 'Casella temporaneamente non disponibile' };
      const r = await richiestaConMail(s);
      await rispostaSportello(s, r.id, { testo: 'Buongiorno.' });
      const inizio = s.orologio.ora().getTime();
      const attese: number[] = [];
      for (let i = 0; i < 4; i++) {
        await s.giro();
        const [m] = (await vista(s, r.id)).posta;
        assert.equal(m.stato, 'da-inviare');
        assert.equal(m.tentativi, i + 1);
        assert.match(m.motivo!, /451.*Casella temporaneamente non disponibile/);
        const prossimo = Date.parse(m.prossimoTentativoIl!);
        attese.push(prossimo - s.orologio.ora().getTime());
        s.orologio.avanza(prossimo - s.orologio.ora().getTime());
      }
      assert.deepEqual(attese, [30_000, 60_000, 120_000, 240_000]);
      // Much later: the attempt due now is the last one.
      s.orologio.avanza(inizio + 48 * ORA - s.orologio.ora().getTime());
      await s.giro();
      const [m] = (await vista(s, r.id)).posta;
      assert.equal(m.stato, 'fallita');
      assert.equal(m.tentativi, 5);
      assert.match(m.motivo!, /48 ore.*451/);
      assert.equal(raccoglitore.mail.length, 0);
    });

    it('never waits past the 48 hours: the last attempt is due when they end', async () => {
      raccoglitore.rifiuto = { codice: 421, testo: 'Servizio non disponibile' };
      const r = await richiestaConMail(s);
      await rispostaSportello(s, r.id, { testo: 'Buongiorno.' });
      const inizio = s.orologio.ora().getTime();
      await s.giro();
      // 30 s before the end: the doubled wait (60 s) would end past it.
      s.orologio.avanza(48 * ORA - 30_000);
      await s.giro();
      const [m] = (await vista(s, r.id)).posta;
      assert.equal(m.stato, 'da-inviare');
      assert.equal(Date.parse(m.prossimoTentativoIl!), inizio + 48 * ORA);
    });

    it('fails a mail the server refuses with a 5xx, with its reason; "Invia di nuovo" sends it with the same Message-ID', async () => {
      raccoglitore.rifiuto = { codice: 550, testo: 'Utente sconosciuto' };
      const r = await richiestaConMail(s);
      await rispostaSportello(s, r.id, { testo: 'Buongiorno, ecco la soluzione.' });
      await s.giro();
      let [m] = (await vista(s, r.id)).posta;
      assert.equal(m.stato, 'fallita', 'no retry after a 5xx');
      assert.equal(m.tentativi, 1);
      assert.match(m.motivo!, /550.*Utente sconosciuto/);
      assert.equal(m.reinvio, `/api/sportello/posta/${m.id}/invia-di-nuovo`);
      s.orologio.avanza(ORA);
      await s.giro();
      assert.equal((await vista(s, r.id)).posta[0].tentativi, 1, 'not tried again by itself');

      raccoglitore.rifiuto = undefined;
      const altraOrigine = await inviaDiNuovo(s, m.reinvio, { Origin: 'https://altro.esempio.it' });
      assert.equal(altraOrigine.stato, 403);
      const senzaSessione = await fetch(`${s.url}${m.reinvio}`, {
        method: 'POST',
        headers: { Origin: s.url, 'Content-Type': 'application/json' },
      });
      assert.equal(senzaSessione.status, 401);
      assert.equal((await inviaDiNuovo(s, `/api/sportello/posta/${randomUUID()}/invia-di-nuovo`)).stato, 404);
      const reinvio = await inviaDiNuovo(s, m.reinvio);
      assert.equal(reinvio.stato, 202);
      assert.deepEqual(reinvio.json, { id: m.id, stato: 'da-inviare', messageId: m.messageId });
      await s.giro();
      assert.equal(raccoglitore.mail.length, 1);
      assert.equal(raccoglitore.mail[0].messageId, m.messageId, 'the same Message-ID');
      [m] = (await vista(s, r.id)).posta;
      assert.equal(m.stato, 'inviata');
      const giaInviata = await inviaDiNuovo(s, m.reinvio);
      assert.equal(giaInviata.stato, 409);
      assert.match(giaInviata.json.messaggio, /già stata inviata/);

      const { cookie } = await amministratore(s);
      const registro = (await (
        await fetch(`${s.url}/api/sportello/registro?richiesta=${r.id}`, { headers: { Cookie: cookie } })
      ).json()) as { voci: { azione: string; numero: number; dettagli: Record<string, unknown> }[] };
      const voce = registro.voci.find((v) => v.azione === 'posta-reinviata');
      assert.deepEqual(voce && { numero: voce.numero, dettagli: voce.dettagli }, {
        numero: r.numero,
        dettagli: { posta: m.id },
      });
    });

    it('threads the mails of a request: In-Reply-To the last, References all the earlier ones', async () => {
      const r = await richiestaConMail(s);
      for (const testo of ['Prima risposta.', 'Seconda risposta.', 'Terza risposta.']) {
        await rispostaSportello(s, r.id, { testo });
        await s.giro();
      }
      const [a, b, c] = raccoglitore.mail;
      assert.equal(raccoglitore.mail.length, 3);
      assert.equal(new Set([a.messageId, b.messageId, c.messageId]).size, 3);
      assert.equal(b.inReplyTo, a.messageId);
      assert.deepEqual(b.riferimenti, [a.messageId]);
      assert.equal(c.inReplyTo, b.messageId);
      assert.deepEqual(c.riferimenti, [a.messageId, b.messageId]);
      assert.match(c.messageId, new RegExp(`@${DOMINIO.replace(/\./g, '\\.')}>$`));
    });

    it('takes a reply by mail into the thread without the quoted history; the request goes back in-lavorazione', async () => {
      const r = await richiestaConMail(s);
      await rispostaSportello(s, r.id, { testo: 'Ci manda lo screenshot?', stato: 'attesa-utente' });
      await s.giro();
      const [nostra] = raccoglitore.mail;
      const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
      const consegna = await inviaAlServer(s.portaSmtp, {
        mittente: EMAIL,
        a: nostra.rispondiA,
        messageId: '<risposta-di-zoe-1@esempio.it>',
        inReplyTo: nostra.messageId,
        riferimenti: [nostra.messageId],
        testo:
          'Eccolo, in allegato.\nGrazie!\n\nIl giorno lun 3 feb 2026 alle ore 10:12 Assistenza GeoTecSUE <\n' +
          `${nostra.rispondiA}> ha scritto:\n\n> Ci manda lo screenshot?\n> \n> -- \n> La conversazione…\n`,
        allegati: [
          { filename: 'errore.png', content: png, contentType: 'image/png' },
          { filename: 'note.txt', content: Buffer.from('testo'), contentType: 'text/plain' },
        ],
      });
      assert.equal(consegna.esito, 'accettata', JSON.stringify(consegna));
      const v = await vista(s, r.id);
      assert.equal(v.stato, 'in-lavorazione');
      const ultimo = v.messaggi.at(-1)!;
      assert.equal(ultimo.autore, 'utente');
      assert.equal(
        ultimo.testo,
        'Eccolo, in allegato.\nGrazie!\n\n[Allegati non aggiunti: note.txt (non è un PNG, un JPEG o un PDF)]',
      );
      assert.deepEqual(
        v.allegati.map((a) => [a.nome, a.tipo, a.dimensione]),
        [['errore.png', 'image/png', png.length]],
      );
      // "Le mie richieste" shows it as a reply from the widget.
      const [mia] = (await elenco(s, 'zdangelo')).json.richieste;
      assert.equal(mia.stato, 'in-lavorazione');
      assert.deepEqual(
        mia.messaggi.map((m) => [m.autore, m.testo.split('\n')[0]]),
        [
          ['assistenza', 'Ci manda lo screenshot?'],
          ['utente', 'Eccolo, in allegato.'],
        ],
      );
      assert.deepEqual(
        mia.allegati?.map((a) => a.nome),
        ['errore.png'],
      );
      // The console's queue: the user wrote last, the request waits for the help desk.
      const { cookie } = await amministratore(s);
      const coda = (await (
        await fetch(`${s.url}/api/sportello/richieste`, { headers: { Cookie: cookie } })
      ).json()) as {
        richieste: { id: string; nuovaRispostaUtente: boolean; inAttesaDal?: string }[];
      };
      const voce = coda.richieste.find((x) => x.id === r.id)!;
      assert.equal(voce.nuovaRispostaUtente, true);
      assert.ok(voce.inAttesaDal);

      // The next mail answers the user's.
      await rispostaSportello(s, r.id, { testo: 'Ricevuto, grazie.' });
      await s.giro();
      const seguente = raccoglitore.mail[1];
      assert.equal(seguente.inReplyTo, '<risposta-di-zoe-1@esempio.it>');
      assert.deepEqual(seguente.riferimenti, [nostra.messageId, '<risposta-di-zoe-1@esempio.it>']);
    });

    it('checks a mail’s files as uploads: PNG, JPEG or PDF by their content, not empty, 10 MB, five a message', async () => {
      const r = await richiestaConMail(s);
      await rispostaSportello(s, r.id, { testo: 'Ci manda le tavole?' });
      await s.giro();
      const png = (n: number) =>
        Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(n)]);
      const pdf = (n: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(n)]);
      const consegna = await inviaAlServer(s.portaSmtp, {
        mittente: EMAIL,
        a: raccoglitore.mail[0].rispondiA,
        testo: 'Ecco le tavole.',
        allegati: [
          { filename: 'falso.pdf', content: Buffer.from('non sono un PDF'), contentType: 'application/pdf' },
          { filename: 'grande.pdf', content: pdf(10 * 1024 * 1024), contentType: 'application/pdf' },
          { filename: 'tavola.pdf', content: pdf(100), contentType: 'application/octet-stream' },
          { filename: 'vuoto.png', content: Buffer.alloc(0), contentType: 'image/png' },
          ...[1, 2, 3, 4, 5].map((i) => ({ filename: `foto-${i}.png`, content: png(i), contentType: 'image/png' })),
        ],
      });
      assert.equal(consegna.esito, 'accettata', JSON.stringify(consegna));
      const v = await vista(s, r.id);
      assert.deepEqual(
        v.allegati.map((a) => [a.nome, a.tipo]),
        [
          ['tavola.pdf', 'application/pdf'],
          ['foto-1.png', 'image/png'],
          ['foto-2.png', 'image/png'],
          ['foto-3.png', 'image/png'],
          ['foto-4.png', 'image/png'],
        ],
      );
      assert.equal(
        v.messaggi.at(-1)!.testo,
        'Ecco le tavole.\n\n[Allegati non aggiunti: falso.pdf (non è un PNG, un JPEG o un PDF); grande.pdf (supera i ' +
          '10 MB); vuoto.png (è vuoto); foto-5.png (oltre i 5 file di un messaggio)]',
      );
    });

    it('stores one Message-ID once, however many times it is delivered', async () => {
      const r = await richiestaConMail(s);
      await rispostaSportello(s, r.id, { testo: 'Buongiorno.' });
      await s.giro();
      const [nostra] = raccoglitore.mail;
      const mail = { mittente: EMAIL, a: nostra.rispondiA, messageId: '<una-volta@esempio.it>', testo: 'Grazie.' };
      assert.equal((await inviaAlServer(s.portaSmtp, mail)).esito, 'accettata');
      assert.equal((await inviaAlServer(s.portaSmtp, mail)).esito, 'accettata', 'a second delivery is accepted');
      const v = await vista(s, r.id);
      assert.deepEqual(
        v.messaggi.map((m) => m.autore),
        ['assistenza', 'utente'],
      );
    });

    it('refuses at SMTP time with a 550 and its reason: another recipient, a forged token, another sender, a closed request', async () => {
      const r = await richiestaConMail(s);
      const altra = await richiestaConMail(s);
      await rispostaSportello(s, r.id, { testo: 'Buongiorno.' });
      await s.giro();
      const indirizzo = raccoglitore.mail[0].rispondiA;
      const token = indirizzo.slice('assistenza+'.length, indirizzo.indexOf('@'));
      const [numero, firma] = token.split('-');
      const cifra = firma[0] === '0' ? '1' : '0';
      const casi: [string, Parameters<typeof inviaAlServer>[1], RegExp][] = [
        ['another recipient', { mittente: EMAIL, a: `info@${DOMINIO}`, testo: 'x' }, /Indirizzo sconosciuto/],
        ['another domain', { mittente: EMAIL, a: `assistenza+${token}@altro.it`, testo: 'x' }, /sconosciuto/],
        [
          'a forged HMAC',
          { mittente: EMAIL, a: `assistenza+${numero}-${cifra}${firma.slice(1)}@${DOMINIO}`, testo: 'x' },
          /non valido/,
        ],
        [
          'another request’s numero with this HMAC',
          { mittente: EMAIL, a: `assistenza+${altra.numero}-${firma}@${DOMINIO}`, testo: 'x' },
          /non valido/,
        ],
        [
          'another envelope sender, the right From',
          { mittente: 'qualcuno@altrove.it', da: EMAIL, a: indirizzo, testo: 'x' },
          /Il mittente non e' l'indirizzo della richiesta/,
        ],
        ['another sender', { mittente: 'qualcuno@altrove.it', a: indirizzo, testo: 'x' }, /mittente/],
        [
          'another From with the right envelope',
          { mittente: EMAIL, da: 'qualcuno@altrove.it', a: indirizzo, testo: 'x' },
          /mittente \(From\)/,
        ],
        [
          'an out-of-office reply',
          {
            mittente: EMAIL,
            a: indirizzo,
            testo: 'Sono in ferie.',
            intestazioni: { 'Auto-Submitted': 'auto-replied' },
          },
          /automatica/,
        ],
        ['only quoted history', { mittente: EMAIL, a: indirizzo, testo: '> Buongiorno.\n' }, /testo nuovo/],
      ];
      for (const [caso, mail, motivo] of casi) {
        const c = await inviaAlServer(s.portaSmtp, mail);
        assert.equal(c.esito, 'rifiutata', caso);
        assert.equal(c.esito === 'rifiutata' && c.codice, 550, caso);
        assert.match(c.esito === 'rifiutata' ? c.testo : '', motivo, caso);
      }
      assert.equal((await vista(s, r.id)).messaggi.length, 1, 'nothing stored from any of them');
      assert.equal((await vista(s, altra.id)).messaggi.length, 0);

      assert.equal((await cambiaStato(s, r.id, 'chiusa')).stato, 200);
      const chiusa = await inviaAlServer(s.portaSmtp, { mittente: EMAIL, a: indirizzo, testo: 'Ancora una cosa.' });
      assert.equal(chiusa.esito, 'rifiutata');
      assert.equal(chiusa.esito === 'rifiutata' && chiusa.codice, 550);
      assert.match(
        chiusa.esito === 'rifiutata' ? chiusa.testo : '',
        new RegExp(`richiesta n\\. ${r.numero} e' chiusa: per un nuovo problema apri una nuova richiesta sul portale`),
      );
      assert.equal((await vista(s, r.id)).messaggi.length, 1);
    });
  });
}

describe('the answer by mail without ASSISTENZA_SMTP_URL (pglite)', () => {
  let raccoglitore: Raccoglitore;
  let s: ServerConPosta;
  before(async () => {
    raccoglitore = await Raccoglitore.avviato();
    s = await serverConPosta('pglite', raccoglitore, { postaAttiva: false });
  });
  after(async () => {
    try {
      await s?.chiudi();
    } finally {
      await raccoglitore.ferma();
    }
  });

  it('sends nothing, keeps the mail in the outbox, and the request’s view says so', async () => {
    assert.equal(s.app.postino, undefined, 'no worker');
    const r = await richiestaConMail(s);
    const risposta = await rispostaSportello(s, r.id, { testo: 'Buongiorno.' });
    assert.equal(risposta.stato, 201);
    const v = await vista(s, r.id);
    assert.equal(v.invioPosta, 'non-configurato');
    assert.deepEqual(
      v.posta.map((m) => m.stato),
      ['da-inviare'],
    );
    assert.equal(raccoglitore.mail.length, 0);
  });
});

describe('two server instances on one PostgreSQL', () => {
  it('never send one mail twice', async () => {
    const raccoglitore = await Raccoglitore.avviato();
    raccoglitore.ritardoMs = 20;
    const d = await databaseDiProva('postgresql');
    const orologio = new Orologio();
    const opzioni = {
      posta: configurazionePosta(raccoglitore.url),
      orologio: orologio.ora,
      intervalloPostaMs: 3_600_000,
    };
    const secondoDb = apriPostgres(d.dove, { warn() {}, error() {} });
    const a = await servi(d.db, opzioni);
    const b = await servi(secondoDb, opzioni);
    try {
      // Written while the mail server is down, so that nothing leaves before both instances look at once.
      await raccoglitore.ferma();
      const n = 40;
      for (let i = 0; i < n; i++) {
        const r = await richiestaConMail(a);
        await rispostaSportello(a, r.id, { testo: `Risposta ${i}.` });
      }
      await a.app.postino!.giro();
      assert.equal(raccoglitore.mail.length, 0);
      await raccoglitore.avvia();
      orologio.avanza(60_000);
      await Promise.all([a.app.postino!.giro(), b.app.postino!.giro(), a.app.postino!.giro(), b.app.postino!.giro()]);
      await Promise.all([a.app.postino!.giro(), b.app.postino!.giro()]);
      const id = raccoglitore.mail.map((m) => m.messageId);
      assert.equal(id.length, n, 'every mail sent');
      assert.equal(new Set(id).size, n, 'none twice');
    } finally {
      await a.app.close();
      await b.app.close();
      await secondoDb.chiudi();
      await d.elimina();
      await raccoglitore.ferma();
    }
  });
});
