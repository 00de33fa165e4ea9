-- Requests as received, their threads, and the uploads they name. Every id is the client's UUID, which is also its
-- Idempotency-Key: a primary key holds "exactly once" across processes, whatever instance answers.

-- A request, with its owner (the token's `sub`; NULL when sent without a token) and the fingerprint of the body it
-- came with (a repeated key with another body is refused).
CREATE TABLE richieste (
  id uuid PRIMARY KEY,
  -- Distinct and increasing, from a sequence; a rolled-back insert leaves a gap.
  numero bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  utente text,
  impronta text NOT NULL,
  cognome text NOT NULL,
  nome text NOT NULL,
  email text,
  telefono text,
  risposta_via_email boolean NOT NULL,
  descrizione text NOT NULL,
  pratica_tipologia text,
  pratica_numero text,
  -- The client's creataIl: when it was written, kept, never used to order anything.
  scritta_il timestamptz NOT NULL,
  ricevuta_il timestamptz NOT NULL DEFAULT now(),
  stato text NOT NULL DEFAULT 'ricevuta'
    CHECK (stato IN ('ricevuta', 'in-lavorazione', 'attesa-utente', 'risolta', 'chiusa')),
  aggiornata_il timestamptz NOT NULL DEFAULT now(),
  -- The first time it became risolta or chiusa; a reopening does not reset it (the response-time statistics).
  risolta_il timestamptz
);

CREATE INDEX richieste_per_utente ON richieste (utente, numero DESC) WHERE utente IS NOT NULL;
CREATE INDEX richieste_per_arrivo ON richieste (ricevuta_il);

-- The thread: the user's replies and the help desk's, in order of arrival.
CREATE TABLE messaggi (
  id uuid PRIMARY KEY,
  richiesta uuid NOT NULL REFERENCES richieste (id) ON DELETE CASCADE,
  autore text NOT NULL CHECK (autore IN ('utente', 'assistenza')),
  testo text NOT NULL,
  -- The client's inviatoIl for a user's reply; the arrival for the help desk's.
  scritto_il timestamptz NOT NULL,
  ricevuto_il timestamptz NOT NULL DEFAULT now(),
  -- For a user's reply: who sent it and its body's fingerprint (a repeated key must match both).
  utente text,
  impronta text,
  -- The request's state after this message, as its answer said: a repeat gets the same answer.
  stato_dopo text NOT NULL,
  -- The help desk's reply also went by mail to this address.
  inviata_via_mail_a text
);

CREATE INDEX messaggi_per_richiesta ON messaggi (richiesta, ricevuto_il, id);

-- An uploaded file, kept in the database so every instance serves it; named by at most one request.
CREATE TABLE allegati (
  id uuid PRIMARY KEY,
  utente text,
  nome text NOT NULL,
  tipo text NOT NULL CHECK (tipo IN ('image/png', 'image/jpeg', 'application/pdf')),
  dimensione integer NOT NULL CHECK (dimensione > 0),
  -- SHA-256 of the bytes: a repeated key with other bytes is refused.
  impronta text NOT NULL,
  contenuto bytea NOT NULL,
  caricato_il timestamptz NOT NULL DEFAULT now(),
  richiesta uuid REFERENCES richieste (id) ON DELETE CASCADE,
  posizione smallint
);

CREATE INDEX allegati_per_richiesta ON allegati (richiesta, posizione) WHERE richiesta IS NOT NULL;

-- The help desk's replies to be mailed to a request that asked for the answer by mail.
CREATE TABLE posta (
  id uuid PRIMARY KEY,
  richiesta uuid NOT NULL REFERENCES richieste (id) ON DELETE CASCADE,
  messaggio uuid NOT NULL REFERENCES messaggi (id) ON DELETE CASCADE,
  destinatario text NOT NULL,
  oggetto text NOT NULL,
  testo text NOT NULL,
  scritta_il timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX posta_per_richiesta ON posta (richiesta);
