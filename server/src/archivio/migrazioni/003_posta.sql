-- Mail that really leaves: the outbox's delivery state, each mail's Message-ID and threading fixed when it is written,
-- and the mails received back from users (their Message-ID stores each once).

-- The Message-ID is fixed with the row: every attempt and every resend carries the same one.
ALTER TABLE posta ADD COLUMN message_id text;
-- Threading: the Message-ID this mail answers (the request's latest mail, sent or received) and all the earlier ones.
ALTER TABLE posta ADD COLUMN in_reply_to text;
ALTER TABLE posta ADD COLUMN riferimenti text[] NOT NULL DEFAULT '{}';
ALTER TABLE posta ADD COLUMN stato text NOT NULL DEFAULT 'da-inviare'
  CHECK (stato IN ('da-inviare', 'inviata', 'fallita'));
-- Due from this time on; while an instance sends it, the end of its lease (no other instance takes it before).
ALTER TABLE posta ADD COLUMN prossimo_tentativo_il timestamptz;
-- Who holds the lease: a random value of the instance that took it; its outcome is written only under it.
ALTER TABLE posta ADD COLUMN presa text;
ALTER TABLE posta ADD COLUMN tentativi integer NOT NULL DEFAULT 0;
-- The first failed attempt since it was written or sent again: 48 hours after it, a failure is final.
ALTER TABLE posta ADD COLUMN in_errore_dal timestamptz;
-- The last failure's reason (the SMTP server's answer, or the connection's error).
ALTER TABLE posta ADD COLUMN motivo text;
ALTER TABLE posta ADD COLUMN inviata_il timestamptz;

-- Mails written before the server sent any were never sent: they wait for an operator's "Invia di nuovo", rather than
-- leaving days late on their own.
UPDATE posta SET
  message_id = '<' || id || '@assistenza-tecnica.invalid>',
  stato = 'fallita',
  motivo = 'Scritta prima che il server inviasse la posta: non è mai partita.';

ALTER TABLE posta ALTER COLUMN message_id SET NOT NULL;
ALTER TABLE posta ADD CONSTRAINT posta_message_id UNIQUE (message_id);
ALTER TABLE posta ALTER COLUMN prossimo_tentativo_il SET DEFAULT now();

-- What the workers ask for: due mails, oldest due first.
CREATE INDEX posta_dovute ON posta (prossimo_tentativo_il) WHERE stato = 'da-inviare';

-- A user's reply received by mail: its Message-ID, once per request (a second delivery stores nothing), and the
-- message of the thread it became.
CREATE TABLE posta_ricevuta (
  message_id text NOT NULL,
  richiesta uuid NOT NULL REFERENCES richieste (id) ON DELETE CASCADE,
  messaggio uuid NOT NULL REFERENCES messaggi (id) ON DELETE CASCADE,
  ricevuta_il timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (richiesta, message_id)
);
