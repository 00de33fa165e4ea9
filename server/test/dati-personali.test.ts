// A person's data over real HTTP, on PGlite and on PostgreSQL: the user's export and their own downloads; the export's
// completeness against the database's own list of tables and columns; the administrators' search, export, erasure and
// anonymisation, each before and after, with the record; the 401s and 403s of their routes.
import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Database } from '../src/archivio/database.js';
import { MOTORI, SEGRETO, autorizzazione, operatoreDiProva, serverDiProva, type ServerDiProva } from './aiuti.js';
import { inviaAlServer } from './posta.js';
import { ascoltaSmtp } from '../src/rotte/smtp.js';
import { indirizzoRisposta, orologioReale, postaNonConfigurata } from '../src/servizi/posta.js';
import {
  JPEG,
  PNG,
  amministratore,
  cambiaStato,
  carica,
  chiediSportello,
  elenco,
  invia,
  italiano,
  nuovaRisposta,
  richiesta,
  rispondi,
  rispostaSportello,
} from './http.js';

/** A column of a table that holds a user's data: the key it has in the export's object, or why it is left out. */
type Colonna =
  | string
  /** The object it is in: the request a message, a file or a mail belongs to (null: an upload no request names). */
  | { contenitore: true }
  /** The document's own `utente`. */
  | { radice: 'utente' }
  | { nonEsportata: string };

interface TabellaUtente {
  tiene: 'dati di un utente';
  /** The rows of the user $1. */
  diUtente: string;
  /** Where its rows are in the export: lists of objects with the row's id, `[]` marking each list. */
  dove: string[];
  colonne: Record<string, Colonna>;
  /** The column that tells its rows apart, when it is not `id` (the export has it where `colonne` says). */
  chiave?: string;
}

/** The value that tells a row (`riga`, a row of the table) or an exported object apart. */
function chiaveDi(o: Record<string, unknown>, t: TabellaUtente, riga = false): unknown {
  const colonna = t.chiave ?? 'id';
  const c = t.colonne[colonna];
  return riga || typeof c !== 'string' ? o[colonna] : o[c];
}

interface TabellaAltra {
  tiene: 'dati degli operatori' | 'schema';
  perche: string;
}

const idUtente = { radice: 'utente' } as const;
const contenitore = { contenitore: true } as const;

/**
 * Every table of the database and what it holds. A table with a user's data says, column by column, where the export
 * has it or why not. A new table, or a new column of one of these, fails the tests below until it is classified here,
 * and a table classified as a user's fails them until the export carries every row of that user.
 */
const TABELLE: Record<string, TabellaUtente | TabellaAltra> = {
  richieste: {
    tiene: 'dati di un utente',
    diUtente: 'SELECT * FROM richieste WHERE utente = $1',
    dove: ['richieste[]'],
    colonne: {
      id: 'id',
      numero: 'numero',
      utente: idUtente,
      impronta: { nonEsportata: 'a SHA-256 of the body sent, to tell a retry from another body: nothing of its own' },
      cognome: 'cognome',
      nome: 'nome',
      email: 'email',
      telefono: 'telefono',
      risposta_via_email: 'rispostaViaEmail',
      descrizione: 'descrizione',
      pratica_tipologia: 'pratica.tipologia',
      pratica_numero: 'pratica.numero',
      scritta_il: 'creataIl',
      ricevuta_il: 'ricevutaIl',
      stato: 'stato',
      aggiornata_il: 'aggiornataIl',
      risolta_il: 'risoltaIl',
      ultima_assistenza_il: { nonEsportata: 'the queue’s order: the thread’s times say when the help desk wrote' },
      in_attesa_dal: { nonEsportata: 'the queue’s order: the thread’s times say it' },
      conclusa_dal: 'conclusaDal',
      prima_risposta_il: { nonEsportata: 'the response times: the thread’s times say when the help desk first wrote' },
      anonimizzata_il: { nonEsportata: 'an anonymised request has no user: it is in nobody’s export' },
    },
  },
  messaggi: {
    tiene: 'dati di un utente',
    diUtente: 'SELECT m.* FROM messaggi m JOIN richieste r ON r.id = m.richiesta WHERE r.utente = $1',
    dove: ['richieste[].messaggi[]'],
    colonne: {
      id: 'id',
      richiesta: contenitore,
      autore: 'autore',
      testo: 'testo',
      scritto_il: 'inviatoIl',
      ricevuto_il: 'ricevutoIl',
      utente: { nonEsportata: 'the user’s own id, the document’s' },
      impronta: { nonEsportata: 'a SHA-256 of the reply sent, to tell a retry: nothing of its own' },
      stato_dopo: { nonEsportata: 'the answer a repeated key gets again; the request’s state is exported' },
      inviata_via_mail_a: 'inviataViaMailA',
      operatore: { nonEsportata: 'the operator’s login name: the operator’s data (the user’s list says «Assistenza»)' },
    },
  },
  allegati: {
    tiene: 'dati di un utente',
    diUtente: 'SELECT * FROM allegati WHERE utente = $1',
    dove: ['richieste[].allegati[]', 'allegatiNonUsati[]'],
    colonne: {
      id: 'id',
      utente: idUtente,
      nome: 'nome',
      tipo: 'tipo',
      dimensione: 'dimensione',
      impronta: { nonEsportata: 'a SHA-256 of the bytes, to tell a retry: nothing of its own' },
      contenuto: { nonEsportata: 'the bytes: `indirizzo` downloads them' },
      caricato_il: 'caricatoIl',
      richiesta: contenitore,
      posizione: { nonEsportata: 'the order in its request, which the list keeps' },
    },
  },
  posta: {
    tiene: 'dati di un utente',
    diUtente: 'SELECT p.* FROM posta p JOIN richieste r ON r.id = p.richiesta WHERE r.utente = $1',
    dove: ['richieste[].posta[]'],
    colonne: {
      id: 'id',
      richiesta: contenitore,
      messaggio: 'messaggio',
      destinatario: 'destinatario',
      oggetto: 'oggetto',
      testo: 'testo',
      scritta_il: 'scrittaIl',
      message_id: 'messageId',
      stato: 'stato',
      inviata_il: 'inviataIl',
      motivo: 'motivo',
      in_reply_to: { nonEsportata: 'the Message-ID it answers: one of this request’s mails, exported with it' },
      riferimenti: { nonEsportata: 'the Message-IDs of the thread before it, exported with their mails' },
      prossimo_tentativo_il: { nonEsportata: 'the outbox’s schedule: when an instance tries it next' },
      presa: { nonEsportata: 'which instance holds it while sending: a random value of the server’s' },
      tentativi: { nonEsportata: 'how often the outbox tried: the server’s bookkeeping' },
      in_errore_dal: { nonEsportata: 'since when the outbox has been failing: its 48 hours' },
    },
  },
  posta_ricevuta: {
    tiene: 'dati di un utente',
    diUtente: 'SELECT p.* FROM posta_ricevuta p JOIN richieste r ON r.id = p.richiesta WHERE r.utente = $1',
    dove: ['richieste[].postaRicevuta[]'],
    chiave: 'message_id',
    colonne: {
      message_id: 'messageId',
      richiesta: contenitore,
      messaggio: 'messaggio',
      ricevuta_il: 'ricevutaIl',
    },
  },
  registro: {
    tiene: 'dati degli operatori',
    perche: 'what operators did: a request by id and numero, a state, a file’s id; no name, contact or text of a user',
  },
  operatori: { tiene: 'dati degli operatori', perche: 'the help desk’s operators' },
  sessioni: { tiene: 'dati degli operatori', perche: 'the operators’ sessions' },
  accessi_falliti: {
    tiene: 'dati degli operatori',
    perche: 'failed logins to the help desk: a name tried, an address',
  },
  migrazioni: { tiene: 'schema', perche: 'which migrations were applied' },
};

type Oggetto = Record<string, unknown>;

/** The objects at `dove` ('richieste[].messaggi[]'), each with the id of the object it is in. */
function oggetti(documento: Oggetto, dove: string): { o: Oggetto; in?: string }[] {
  let livello: { o: Oggetto; in?: string }[] = [{ o: documento }];
  for (const parte of dove.split('.')) {
    const chiave = parte.replace(/\[\]$/, '');
    livello = livello.flatMap(({ o }) =>
      ((o[chiave] as Oggetto[] | undefined) ?? []).map((figlio) => ({ o: figlio, in: o.id as string | undefined })),
    );
  }
  return livello;
}

/** A value as the export writes it: times as ISO strings, numbers and booleans as they are, null as absent. */
function comeNellEsportazione(v: unknown): unknown {
  if (v === null || v === undefined) {
    return undefined;
  }
  if (v instanceof Date) {
    return v.toISOString();
  }
  return String(v);
}

const valoreA = (o: Oggetto, percorso: string): unknown =>
  percorso.split('.').reduce<unknown>((x, k) => (x as Oggetto | undefined)?.[k], o);

async function tabelleDelDatabase(db: Database): Promise<string[]> {
  const righe = await db.query<{ nome: string }>(
    `SELECT table_name AS nome FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  return righe.map((r) => r.nome);
}

async function colonneDi(db: Database, tabella: string): Promise<string[]> {
  const righe = await db.query<{ nome: string }>(
    `SELECT column_name AS nome FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = $1 ORDER BY column_name`,
    [tabella],
  );
  return righe.map((r) => r.nome);
}

const tabelleUtente = () =>
  Object.entries(TABELLE).filter((t): t is [string, TabellaUtente] => t[1].tiene === 'dati di un utente');

for (const motore of MOTORI) {
  describe(`a person’s data (${motore})`, () => {
    let s: ServerDiProva;
    beforeEach(async () => {
      s = await serverDiProva(motore);
    });
    afterEach(async () => {
      await s.chiudi();
    });

    const esporta = async (utente: string | undefined, intestazioni: Record<string, string> = {}) => {
      const res = await fetch(`${s.url}/api/richieste/esportazione`, {
        headers: { ...(await autorizzazione(utente)), ...intestazioni },
      });
      return { res, json: (await res.json()) as Oggetto };
    };

    /**
     * Mario's data in every table that holds a user's: two requests (one with a file, the help desk's reply that went
     * by mail, his reply, solved), an upload no request names; and Laura's request, and an anonymous one in Mario's
     * name, that are not his.
     */
    async function dati() {
      const file = randomUUID();
      const nonUsato = randomUUID();
      assert.equal((await carica(s, file, PNG, { utente: 'mrossi', nome: 'planimetria.png' })).stato, 201);
      assert.equal(
        (await carica(s, nonUsato, JPEG, { utente: 'mrossi', tipo: 'image/jpeg', nome: 'foto.jpg' })).stato,
        201,
      );
      const prima = richiesta({
        cognome: 'Rossi',
        nome: 'Mario',
        email: 'mario.rossi@esempio.it',
        allegati: [{ id: file, nome: 'planimetria.png', tipo: 'image/png', dimensione: PNG.length }],
      });
      const seconda = richiesta({
        cognome: 'Rossi',
        nome: 'Mario',
        email: undefined,
        telefono: undefined,
        pratica: undefined,
        rispostaViaEmail: false,
      });
      await invia(s, prima, { utente: 'mrossi' });
      await invia(s, seconda, { utente: 'mrossi' });
      assert.equal((await rispostaSportello(s, prima.id, { testo: 'Ci serve la planimetria.' })).stato, 201);
      assert.equal((await rispondi(s, prima.id, nuovaRisposta(), { utente: 'mrossi' })).stato, 201);
      await cambiaStato(s, prima.id, 'risolta');

      const laura = richiesta({ cognome: 'Bianchi', nome: 'Laura', email: 'laura.bianchi@esempio.it' });
      const fileLaura = randomUUID();
      await carica(s, fileLaura, PNG, { utente: 'lbianchi' });
      await invia(
        s,
        { ...laura, allegati: [{ id: fileLaura, nome: 'planimetria.png', tipo: 'image/png', dimensione: PNG.length }] },
        { utente: 'lbianchi' },
      );
      await rispostaSportello(s, laura.id, { testo: 'Buongiorno Laura.' });
      const anonima = richiesta({ cognome: 'Rossi', nome: 'Mario', email: 'mario.rossi@esempio.it' });
      await invia(s, anonima);
      return { prima, seconda, file, nonUsato, laura, fileLaura, anonima };
    }

    it('gives the user everything of theirs as a JSON file, and nothing of anyone else’s', async () => {
      const d = await dati();
      const { res, json } = await esporta('mrossi');
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type')!, /^application\/json/);
      assert.match(
        res.headers.get('content-disposition')!,
        /^attachment; filename="assistenza-tecnica-dati-\d{4}-\d{2}-\d{2}\.json"/,
      );
      assert.equal(res.headers.get('cache-control'), 'no-store');
      assert.equal(json.utente, 'mrossi');
      const richieste = json.richieste as Oggetto[];
      assert.deepEqual(
        richieste.map((r) => r.id),
        [d.prima.id, d.seconda.id],
      );
      const [prima] = richieste;
      assert.equal(prima.cognome, 'Rossi');
      assert.equal(prima.email, 'mario.rossi@esempio.it');
      assert.equal(prima.telefono, '+39 347 123.45.67');
      assert.deepEqual(prima.pratica, { tipologia: 'SCIA', numero: '123/2026' });
      assert.equal(prima.stato, 'risolta');
      assert.deepEqual(
        (prima.messaggi as Oggetto[]).map((m) => [m.autore, m.testo]),
        [
          ['assistenza', 'Ci serve la planimetria.'],
          ['utente', 'Ho provato, ma il caricamento si ferma al 90%.'],
        ],
      );
      const [mail] = prima.posta as Oggetto[];
      assert.equal(mail.destinatario, 'mario.rossi@esempio.it');
      assert.match(mail.testo as string, /Ci serve la planimetria/);
      const [allegato] = prima.allegati as Oggetto[];
      assert.equal(allegato.indirizzo, `/api/richieste/allegati/${d.file}`);
      assert.deepEqual(
        (json.allegatiNonUsati as Oggetto[]).map((a) => [a.id, a.nome, a.indirizzo]),
        [[d.nonUsato, 'foto.jpg', `/api/richieste/allegati/${d.nonUsato}`]],
      );
      // Its links download the files with the same token.
      for (const [indirizzo, byte] of [
        [allegato.indirizzo, PNG],
        [`/api/richieste/allegati/${d.nonUsato}`, JPEG],
      ] as const) {
        const f = await fetch(`${s.url}${indirizzo}`, { headers: await autorizzazione('mrossi') });
        assert.equal(f.status, 200);
        assert.deepEqual(Buffer.from(await f.arrayBuffer()), byte);
      }
      const testo = JSON.stringify(json);
      for (const altro of [d.laura.id, d.fileLaura, d.anonima.id, 'Laura', 'lbianchi']) {
        assert.ok(!testo.includes(altro), `nothing of ${altro}`);
      }
      // Someone the server holds nothing of gets an empty document; no token, or a bad one, a 401.
      const nessuno = await esporta('nessuno');
      assert.equal(nessuno.res.status, 200);
      assert.deepEqual([nessuno.json.richieste, nessuno.json.allegatiNonUsati], [[], []]);
      const anonimo = await esporta(undefined);
      assert.equal(anonimo.res.status, 401);
      italiano(anonimo.json.messaggio as string);
      assert.equal((await esporta(undefined, { Authorization: 'Bearer non.un.token' })).res.status, 401);
    });

    /** The requester answers request `id` by mail, over real SMTP to the server's inbound listener. */
    async function rispostaPerMail(id: string, email: string, messageId: string) {
      const posta = postaNonConfigurata(SEGRETO);
      const smtp = await ascoltaSmtp({
        db: s.db,
        posta,
        orologio: orologioReale,
        host: '127.0.0.1',
        porta: 0,
        log: { info() {}, warn() {} },
      });
      try {
        const [{ numero }] = await s.db.query<{ numero: number }>('SELECT numero FROM richieste WHERE id = $1', [id]);
        const consegna = await inviaAlServer(smtp.porta, {
          mittente: email,
          a: indirizzoRisposta(posta, { id, numero }),
          messageId,
          testo: 'Le rispondo anche per mail.',
        });
        assert.equal(consegna.esito, 'accettata');
      } finally {
        await smtp.chiudi();
      }
    }

    /** dati(), and Mario and Laura each answering a request by mail (a message of the thread, a posta_ricevuta). */
    async function datiConPosta() {
      const d = await dati();
      await rispostaPerMail(d.prima.id, 'mario.rossi@esempio.it', '<risposta-di-mario@esempio.it>');
      await rispostaPerMail(d.laura.id, 'laura.bianchi@esempio.it', '<risposta-di-laura@esempio.it>');
      return d;
    }

    it('exports every table that holds a user’s data, every column of it, every row of the user’s', async () => {
      const d = await datiConPosta();
      // Every table is classified, and every column of a user's table.
      assert.deepEqual(
        await tabelleDelDatabase(s.db),
        Object.keys(TABELLE).sort(),
        'a new table must be classified here',
      );
      for (const [tabella, t] of tabelleUtente()) {
        assert.deepEqual(
          await colonneDi(s.db, tabella),
          Object.keys(t.colonne).sort(),
          `a new column of ${tabella} must be classified here`,
        );
      }
      const { json } = await esporta('mrossi');
      for (const [tabella, t] of tabelleUtente()) {
        const sue = await s.db.query<Oggetto>(t.diUtente, ['mrossi']);
        assert.ok(sue.length > 0, `the test gives mrossi rows of ${tabella}`);
        const trovabili = t.dove.flatMap((dove) => oggetti(json, dove));
        for (const riga of sue) {
          const trovato = trovabili.find((x) => chiaveDi(x.o, t) === chiaveDi(riga, t, true));
          assert.ok(trovato, `${tabella} ${String(chiaveDi(riga, t, true))} is in the export`);
          for (const [colonna, c] of Object.entries(t.colonne)) {
            if (typeof c === 'string') {
              assert.equal(
                comeNellEsportazione(valoreA(trovato.o, c)),
                comeNellEsportazione(riga[colonna]),
                `${tabella}.${colonna} as ${c}`,
              );
            } else if ('contenitore' in c) {
              assert.equal(trovato.in, riga[colonna] ?? undefined, `${tabella}.${colonna}: in its request`);
            } else if ('radice' in c) {
              assert.equal(json.utente, riga[colonna], `${tabella}.${colonna}`);
            }
          }
        }
        // And none of Laura's.
        const altrui = await s.db.query<Oggetto>(t.diUtente, ['lbianchi']);
        assert.ok(altrui.length > 0, `the test gives lbianchi rows of ${tabella}`);
        for (const riga of altrui) {
          assert.ok(
            !trovabili.some((x) => chiaveDi(x.o, t) === chiaveDi(riga, t, true)),
            `${tabella} ${String(chiaveDi(riga, t, true))} is someone else’s`,
          );
        }
      }
      assert.ok(d.anonima.id);
    });

    it('lets only the uploader download their file: another user, no token and an anonymous upload are 404', async () => {
      const suo = randomUUID();
      const anonimo = randomUUID();
      await carica(s, suo, PNG, { utente: 'mrossi', nome: 'pianta "piano terra".png' });
      await carica(s, anonimo, PNG);
      const scarica = async (id: string, utente: string | undefined, intestazioni: Record<string, string> = {}) =>
        fetch(`${s.url}/api/richieste/allegati/${id}`, {
          headers: { ...(await autorizzazione(utente)), ...intestazioni },
        });
      const ok = await scarica(suo, 'mrossi');
      assert.equal(ok.status, 200);
      assert.equal(ok.headers.get('content-type'), 'image/png');
      assert.equal(
        ok.headers.get('content-disposition'),
        `attachment; filename="pianta _piano terra_.png"; filename*=UTF-8''pianta%20%22piano%20terra%22.png`,
      );
      assert.equal(ok.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(ok.headers.get('content-security-policy'), "default-src 'none'");
      assert.equal(ok.headers.get('cache-control'), 'no-store');
      assert.deepEqual(Buffer.from(await ok.arrayBuffer()), PNG);
      for (const [come, res] of [
        ['another user', await scarica(suo, 'lbianchi')],
        ['no token', await scarica(suo, undefined)],
        ['an anonymous upload, anonymously', await scarica(anonimo, undefined)],
        ['an anonymous upload, with a token', await scarica(anonimo, 'mrossi')],
        ['no such file', await scarica(randomUUID(), 'mrossi')],
        ['not an id', await scarica('non-un-id', 'mrossi')],
      ] as const) {
        assert.equal(res.status, 404, come);
        italiano(((await res.json()) as { messaggio: string }).messaggio);
      }
      assert.equal((await scarica(suo, undefined, { Authorization: 'Bearer x' })).status, 401);
    });

    it('finds users by id, name or email, any case, with what the server holds of them; anonymous requests are nobody’s', async () => {
      const d = await dati();
      const cerca = async (testo: string) => {
        const res = await chiediSportello(s, `/api/sportello/utenti?cerca=${encodeURIComponent(testo)}`);
        assert.equal(res.status, 200, testo);
        return (await res.json()) as { utenti: Oggetto[]; totale: number };
      };
      const mario = {
        utente: 'mrossi',
        nomi: ['Mario Rossi'],
        email: ['mario.rossi@esempio.it'],
        richieste: 2,
        allegatiNonUsati: 1,
      };
      for (const testo of [
        'mrossi',
        'MROSS',
        'mario rossi',
        'Rossi Mario',
        'ROSSI@esempio',
        'mario.rossi@esempio.it',
      ]) {
        const { utenti, totale } = await cerca(testo);
        assert.equal(totale, 1, testo);
        const { ultimaIl, ...u } = utenti[0];
        assert.deepEqual(u, mario, testo);
        assert.equal(typeof ultimaIl, 'string');
      }
      assert.deepEqual((await cerca('esempio.it')).utenti.map((u) => u.utente).sort(), ['lbianchi', 'mrossi']);
      assert.deepEqual(await cerca('nessuno'), { utenti: [], totale: 0 });
      assert.deepEqual(await cerca('%'), { utenti: [], totale: 0 }, 'a wildcard is a character');
      // The exact id first.
      await invia(s, richiesta({ cognome: 'Rossi', nome: 'Mario' }), { utente: 'mrossi2' });
      assert.equal((await cerca('mrossi')).utenti[0].utente, 'mrossi');
      for (const cattiva of ['', '%20%20', 'x'.repeat(201)]) {
        const res = await chiediSportello(s, `/api/sportello/utenti?cerca=${cattiva}`);
        assert.equal(res.status, 400);
        italiano(((await res.json()) as { messaggio: string }).messaggio);
      }
      assert.equal((await chiediSportello(s, '/api/sportello/utenti')).status, 400);
      assert.ok(d.anonima);
    });

    it('gives administrators the same export, its links to the help desk’s download, and writes it to the record', async () => {
      const d = await dati();
      const res = await chiediSportello(s, '/api/sportello/utenti/mrossi/dati');
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-disposition')!, /^attachment; filename="assistenza-tecnica-dati-/);
      const perSportello = (await res.json()) as Oggetto;
      const { json: perUtente } = await esporta('mrossi');
      const senzaData = (o: Oggetto) =>
        JSON.parse(
          JSON.stringify({ ...o, esportataIl: undefined }).replaceAll(
            '/api/richieste/allegati/',
            '/api/sportello/allegati/',
          ),
        );
      assert.deepEqual(senzaData(perSportello), senzaData(perUtente));
      const f = await chiediSportello(s, `/api/sportello/allegati/${d.file}`);
      assert.equal(f.status, 200);
      const registro = (await (await chiediSportello(s, '/api/sportello/registro')).json()) as { voci: Oggetto[] };
      const voce = registro.voci.find((v) => v.azione === 'dati-esportati')!;
      const numeri = (perUtente.richieste as Oggetto[]).map((r) => r.numero);
      assert.deepEqual(voce.dettagli, { numeri, allegatiNonUsati: 1 });
      assert.equal(voce.operatore, (await amministratore(s)).utente);
      assert.ok(!JSON.stringify(voce).includes('mrossi'), 'the record names no user');
      const ignoto = await chiediSportello(s, '/api/sportello/utenti/nessuno/dati');
      assert.equal(ignoto.status, 404);
      italiano(((await ignoto.json()) as { messaggio: string }).messaggio);
      // An id with a slash, a space and an accent travels URL-encoded.
      await invia(s, richiesta(), { utente: 'ente/Perù 7' });
      const strano = await chiediSportello(s, `/api/sportello/utenti/${encodeURIComponent('ente/Perù 7')}/dati`);
      assert.equal(strano.status, 200);
      assert.equal(((await strano.json()) as Oggetto).utente, 'ente/Perù 7');
      const lungo = 'è'.repeat(255);
      await invia(s, richiesta(), { utente: lungo });
      const res255 = await chiediSportello(s, `/api/sportello/utenti/${encodeURIComponent(lungo)}/dati`);
      assert.equal(res255.status, 200, 'an id of 255 characters');
    });

    /** The rows of every table: how many, and some columns of the requests. */
    async function fotografia() {
      const conta = async (tabella: string) =>
        (await s.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${tabella}`))[0].n;
      return {
        richieste: await conta('richieste'),
        messaggi: await conta('messaggi'),
        allegati: await conta('allegati'),
        posta: await conta('posta'),
      };
    }

    it('erases a user: every request with its thread, files and mails, and their unused uploads; the record keeps numeri', async () => {
      const d = await datiConPosta();
      const prima = await fotografia();
      const numeri = (
        await s.db.query<{ numero: string }>("SELECT numero FROM richieste WHERE utente = 'mrossi' ORDER BY numero")
      ).map((r) => Number(r.numero));
      const vociPrima = (
        await s.db.query<{ n: number }>('SELECT count(*)::int AS n FROM registro WHERE richiesta = $1', [d.prima.id])
      )[0].n;
      assert.ok(vociPrima > 0);
      const admin = await amministratore(s);
      const res = await fetch(`${s.url}/api/sportello/utenti/mrossi`, {
        method: 'DELETE',
        headers: admin.intestazioni(),
      });
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { richieste: 2, messaggi: 3, allegati: 2, posta: 1 });
      assert.deepEqual(await fotografia(), {
        richieste: prima.richieste - 2,
        messaggi: prima.messaggi - 3,
        allegati: prima.allegati - 2,
        posta: prima.posta - 1,
      });
      for (const [tabella, t] of tabelleUtente()) {
        assert.deepEqual(await s.db.query(t.diUtente, ['mrossi']), [], `nothing of mrossi in ${tabella}`);
        assert.ok((await s.db.query(t.diUtente, ['lbianchi'])).length > 0, `lbianchi’s ${tabella} kept`);
      }
      assert.equal((await s.db.query('SELECT 1 FROM richieste WHERE id = $1', [d.anonima.id])).length, 1);
      // The record: the erased requests' entries by numero only, and the erasure itself.
      const voci = await s.db.query<{ richiesta: string | null }>('SELECT richiesta FROM registro WHERE numero = $1', [
        numeri[0],
      ]);
      assert.equal(voci.length, vociPrima);
      assert.ok(voci.every((v) => v.richiesta === null));
      const [voce] = await s.db.query<{ operatore: string; dettagli: Oggetto }>(
        "SELECT operatore, dettagli FROM registro WHERE azione = 'utente-cancellato'",
      );
      assert.equal(voce.operatore, admin.utente);
      assert.deepEqual(voce.dettagli, { numeri, richieste: 2, messaggi: 3, allegati: 2, posta: 1 });
      assert.deepEqual((await esporta('mrossi')).json.richieste, []);
      assert.equal(
        (await fetch(`${s.url}/api/sportello/utenti/mrossi`, { method: 'DELETE', headers: admin.intestazioni() }))
          .status,
        404,
      );
    });

    it('anonymises a user: requests kept with their times and states, no names, contacts, texts or files', async () => {
      const d = await datiConPosta();
      const colonneTenute = `id, numero, stato, ricevuta_il, aggiornata_il, risolta_il, conclusa_dal, scritta_il,
        ultima_assistenza_il, in_attesa_dal, prima_risposta_il`;
      const tenute = () => s.db.query(`SELECT ${colonneTenute} FROM richieste ORDER BY numero`);
      const prima = await tenute();
      const messaggiPrima = await s.db.query('SELECT id, autore, ricevuto_il, stato_dopo FROM messaggi ORDER BY id');
      const conteggi = async () =>
        ((await (await chiediSportello(s, '/api/sportello/richieste')).json()) as { conteggi: Oggetto }).conteggi;
      const conteggiPrima = await conteggi();
      const admin = await amministratore(s);
      const res = await fetch(`${s.url}/api/sportello/utenti/mrossi/anonimizza`, {
        method: 'POST',
        headers: admin.intestazioni(),
      });
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { richieste: 2, messaggi: 3, allegati: 2, posta: 1 });
      // What the statistics and the queue count is unchanged.
      assert.deepEqual(await tenute(), prima);
      assert.deepEqual(
        await s.db.query('SELECT id, autore, ricevuto_il, stato_dopo FROM messaggi ORDER BY id'),
        messaggiPrima,
      );
      assert.deepEqual(await conteggi(), conteggiPrima);
      // And nothing of Mario is left in them.
      const [r] = await s.db.query<Oggetto>('SELECT * FROM richieste WHERE id = $1', [d.prima.id]);
      assert.deepEqual(
        [
          r.utente,
          r.cognome,
          r.nome,
          r.email,
          r.telefono,
          r.descrizione,
          r.pratica_tipologia,
          r.pratica_numero,
          r.impronta,
        ],
        [null, '', '', null, null, '', null, null, ''],
      );
      assert.ok(r.anonimizzata_il instanceof Date);
      const messaggi = await s.db.query<Oggetto>(
        'SELECT testo, utente, impronta, inviata_via_mail_a FROM messaggi WHERE richiesta = $1',
        [d.prima.id],
      );
      assert.ok(
        messaggi.every(
          (m) => m.testo === '' && m.utente === null && m.impronta === null && m.inviata_via_mail_a === null,
        ),
      );
      assert.equal(
        (await s.db.query('SELECT 1 FROM allegati WHERE id = ANY($1::uuid[])', [[d.file, d.nonUsato]])).length,
        0,
      );
      assert.equal((await s.db.query('SELECT 1 FROM posta WHERE richiesta = $1', [d.prima.id])).length, 0);
      // The Message-ID of Mario's mail names his mail system: it goes; Laura's stays.
      assert.deepEqual(await s.db.query('SELECT 1 FROM posta_ricevuta WHERE richiesta = $1', [d.prima.id]), []);
      assert.equal((await s.db.query('SELECT 1 FROM posta_ricevuta WHERE richiesta = $1', [d.laura.id])).length, 1);
      for (const [tabella, t] of tabelleUtente()) {
        assert.deepEqual(await s.db.query(t.diUtente, ['mrossi']), [], `nothing of mrossi in ${tabella}`);
      }
      // The help desk sees it anonymised; the user's list and export have it no more; Laura's is untouched.
      const vista = (await (await chiediSportello(s, `/api/sportello/richieste/${d.prima.id}`)).json()) as Oggetto;
      assert.equal(typeof vista.anonimizzataIl, 'string');
      assert.deepEqual([vista.cognome, vista.descrizione, vista.utente], ['', '', null]);
      assert.deepEqual((await elenco(s, 'mrossi')).json.richieste, []);
      assert.equal((await elenco(s, 'lbianchi')).json.richieste.length, 1);
      const [voce] = await s.db.query<{ dettagli: Oggetto }>(
        "SELECT dettagli FROM registro WHERE azione = 'utente-anonimizzato'",
      );
      assert.equal((voce.dettagli.numeri as number[]).length, 2);
      assert.equal(
        (
          await fetch(`${s.url}/api/sportello/utenti/mrossi/anonimizza`, {
            method: 'POST',
            headers: admin.intestazioni(),
          })
        ).status,
        404,
      );
    });

    it('answers 401 without a session and 403 to an operator, from another origin or not declared JSON', async () => {
      await dati();
      const operatore = await operatoreDiProva(s, 'operatore');
      const admin = await amministratore(s);
      const rotte = [
        ['GET', '/api/sportello/utenti?cerca=rossi'],
        ['GET', '/api/sportello/utenti/mrossi/dati'],
        ['DELETE', '/api/sportello/utenti/mrossi'],
        ['POST', '/api/sportello/utenti/mrossi/anonimizza'],
      ] as const;
      const prova = (metodo: string, percorso: string, intestazioni: Record<string, string>) =>
        fetch(`${s.url}${percorso}`, { method: metodo, headers: intestazioni });
      for (const [metodo, percorso] of rotte) {
        const senza = await prova(metodo, percorso, { Origin: s.url, 'Content-Type': 'application/json' });
        assert.equal(senza.status, 401, `${metodo} ${percorso} without a session`);
        italiano(((await senza.json()) as { messaggio: string }).messaggio);
        const op = await prova(metodo, percorso, operatore.intestazioni());
        assert.equal(op.status, 403, `${metodo} ${percorso} by an operator`);
        italiano(((await op.json()) as { messaggio: string }).messaggio);
      }
      for (const [metodo, percorso] of rotte.filter(([m]) => m !== 'GET')) {
        const { Origin: _, ...senzaOrigin } = admin.intestazioni();
        for (const [come, h] of [
          ['another origin', admin.intestazioni({ Origin: 'https://malevolo.esempio' })],
          ['no origin', senzaOrigin],
          ['text/plain', admin.intestazioni({ 'Content-Type': 'text/plain' })],
          ['no type', { Cookie: admin.cookie, Origin: s.url }],
        ] as const) {
          assert.equal((await prova(metodo, percorso, h)).status, 403, `${metodo} ${percorso}: ${come}`);
        }
      }
      // Nothing was erased or anonymised by any of them.
      assert.equal(
        (await esporta('mrossi')).json.richieste instanceof Array &&
          ((await esporta('mrossi')).json.richieste as Oggetto[]).length,
        2,
      );
      const r = (await s.db.query<{ cognome: string }>("SELECT cognome FROM richieste WHERE utente = 'mrossi'"))[0];
      assert.equal(r.cognome, 'Rossi');
    });
  });
}
