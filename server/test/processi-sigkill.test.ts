// Nothing answered is lost: a client sends requests (each with an upload) continuously, several at a time; the server
// is killed with SIGKILL at a random moment, several times over the same data, and restarted. Every request and upload
// answered 201 is there, with its numero; no request is stored without its attachment or with other content; what was
// in flight at the kill is accepted when the client sends it again.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { MOTORI } from './aiuti.js';
import { invia, quanteRichieste, richiesta, richiestaSportello } from './http.js';
import {
  LIMITE,
  attesa,
  carica,
  comeAllegato,
  finche,
  nuovoFile,
  type Caricamento,
  type ProcessoServer,
  datiDiProva,
  type DatiDiProva,
} from './processo.js';

/** How many times the server is killed, on each engine. */
const UCCISIONI = 4;
/** How many clients send at once. */
const CLIENTI = 6;
const UTENTE = 'mrossi';

type Inviata = ReturnType<typeof richiesta> & { allegati: ReturnType<typeof comeAllegato>[] };

for (const motore of MOTORI) {
  describe(`SIGKILL in the middle of a stream of requests (${motore})`, () => {
    let dati: DatiDiProva;
    before(async () => {
      dati = await datiDiProva(motore);
    });
    after(() => dati?.elimina());
    const avvia = () => dati.avvia();

    // What the client sent and what it was answered, over every run.
    const inviate = new Map<string, { corpo: Inviata; file: Caricamento }>();
    const confermate = new Map<string, number>();
    const fileConfermati = new Map<string, Caricamento>();

    /** Clients sending until the server is killed: an upload, then the request naming it. */
    function flusso(s: ProcessoServer, run: number) {
      let ucciso = false;
      let errore: unknown;
      let n = 0;
      const cliente = async () => {
        while (!ucciso) {
          const file = nuovoFile(2048);
          const descrizione = `Run ${run}, richiesta ${n++}: la planimetria non si carica.`;
          const corpo: Inviata = { ...richiesta({ descrizione }), allegati: [comeAllegato(file)] };
          try {
            const a = await carica(s, file, UTENTE);
            assert.equal(a.stato, 201, a.testo);
            fileConfermati.set(file.id, file);
            inviate.set(corpo.id, { corpo, file });
            const b = await invia(s, corpo, { utente: UTENTE });
            assert.equal(b.stato, 201, b.testo);
            confermate.set(corpo.id, b.json.numero!);
          } catch (e) {
            // A connection refused or reset by the kill ends the client; anything else before it is a failure.
            if (!ucciso) {
              throw e;
            }
          }
        }
      };
      const clienti = Array.from({ length: CLIENTI }, () =>
        cliente().catch((e: unknown) => {
          errore ??= e;
          ucciso = true;
        }),
      );
      return {
        /** Whether a client met anything but a 201 before the kill. */
        fallito: () => errore !== undefined,
        uccidi: async () => {
          ucciso = true;
          const uscita = await s.ferma('SIGKILL');
          await Promise.all(clienti);
          if (errore !== undefined) {
            throw errore;
          }
          return uscita;
        },
      };
    }

    /** Everything answered 201 is there, and everything there is whole; returns the stored ids. */
    async function verifica(s: ProcessoServer): Promise<Set<string>> {
      // Read by id: over the runs there may be more requests than the queue lists at once (500).
      const salvate = [];
      for (const id of inviate.keys()) {
        const v = await richiestaSportello(s, id);
        if (v !== undefined) {
          salvate.push(v);
        }
      }
      assert.equal(await quanteRichieste(s), salvate.length, 'no request but those sent');
      const perId = new Map(salvate.map((v) => [v.id, v]));
      for (const [id, numero] of confermate) {
        assert.equal(perId.get(id)?.numero, numero, `request ${id}, answered 201 with numero ${numero}`);
      }
      assert.equal(new Set(salvate.map((v) => v.numero)).size, salvate.length, 'distinct numeri');
      for (const v of salvate) {
        const inviata = inviate.get(v.id)!;
        assert.equal(v.descrizione, inviata.corpo.descrizione);
        assert.equal(v.utente, UTENTE);
        assert.deepEqual(
          v.allegati.map(({ indirizzo: _, ...a }) => a),
          inviata.corpo.allegati,
          `request ${v.id} with its attachment`,
        );
      }
      const collegati = new Set(salvate.flatMap((v) => v.allegati.map((a) => a.id)));
      for (const file of fileConfermati.values()) {
        if (!collegati.has(file.id)) {
          const a = await carica(s, file, UTENTE);
          assert.equal(a.stato, 201, a.testo);
          assert.equal(a.intestazioni.get('idempotent-replayed'), 'true', `upload ${file.id}, answered 201, stored`);
        }
      }
      return new Set(salvate.map((v) => v.id));
    }

    /** The client's queue after the crash: every request sent and never answered goes again with its key. */
    async function rinvia(s: ProcessoServer, salvate: Set<string>) {
      let ripetute = 0;
      for (const [id, { corpo, file }] of inviate) {
        if (confermate.has(id)) {
          continue;
        }
        if (!fileConfermati.has(file.id)) {
          assert.equal((await carica(s, file, UTENTE)).stato, 201);
          fileConfermati.set(file.id, file);
        }
        const a = await invia(s, corpo, { utente: UTENTE });
        assert.equal(a.stato, 201, a.testo);
        const replay = a.intestazioni.get('idempotent-replayed') === 'true';
        assert.equal(replay, salvate.has(id), `request ${id}: a replay exactly when it was stored`);
        if (replay) {
          ripetute++;
        }
        confermate.set(id, a.json.numero!);
      }
      return ripetute;
    }

    it(
      `loses none of the requests answered 201 and stores none half-way, over ${UCCISIONI} kills at random moments`,
      LIMITE,
      async (t) => {
        for (let run = 1; run <= UCCISIONI; run++) {
          const s = await avvia();
          const salvate = await verifica(s);
          const ripetute = await rinvia(s, salvate);
          const prima = confermate.size;
          const inviatePrima = inviate.size;
          const f = flusso(s, run);
          // At least a few answered, then a random moment within the next second.
          await finche(() => f.fallito() || confermate.size >= prima + 3, 30_000, 'the first answers');
          const ritardo = Math.floor(Math.random() * 1000);
          await attesa(ritardo);
          assert.deepEqual(await f.uccidi(), { codice: null, segnale: 'SIGKILL' });
          const risposte = confermate.size - prima;
          const inVolo = inviate.size - inviatePrima - risposte;
          t.diagnostic(
            `run ${run}: ${ripetute} stored but unanswered requests replayed at the start; ` +
              `killed ${ritardo} ms after the 3rd answer: ${risposte} answered 201, ${inVolo} in flight`,
          );
        }
        const s = await avvia();
        await verifica(s);
        await rinvia(s, await verifica(s));
        await verifica(s);
        t.diagnostic(`${confermate.size} requests answered 201 in all, ${fileConfermati.size} uploads, all there`);
        assert.deepEqual(await s.ferma(), { codice: 0, segnale: null });
      },
    );
  });
}
