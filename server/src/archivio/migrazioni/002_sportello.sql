-- The help desk's operators, their sessions, the failed logins that lock a name or an address, the record of what
-- operators did, and what the queue sorts by.

CREATE TABLE operatori (
  -- The login name, lower case: what the operator types, whatever the case.
  utente text PRIMARY KEY CHECK (utente ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
  nome text NOT NULL,
  ruolo text NOT NULL CHECK (ruolo IN ('operatore', 'amministratore')),
  -- scrypt$N$r$p$<salt>$<hash>, base64url: the parameters travel with the hash, so they can be raised later.
  password text NOT NULL,
  creato_il timestamptz NOT NULL DEFAULT now()
);

-- A session is the SHA-256 of its cookie's value: the database never holds a session anyone could use.
CREATE TABLE sessioni (
  impronta text PRIMARY KEY,
  operatore text NOT NULL REFERENCES operatori (utente) ON DELETE CASCADE,
  creata_il timestamptz NOT NULL DEFAULT now(),
  usata_il timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX sessioni_per_operatore ON sessioni (operatore);

CREATE TABLE accessi_falliti (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  utente text NOT NULL,
  indirizzo text NOT NULL,
  il timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX accessi_falliti_per_utente ON accessi_falliti (utente, il);
CREATE INDEX accessi_falliti_per_indirizzo ON accessi_falliti (indirizzo, il);

-- What operators did, written in the same transaction as the action. No personal data of a request in it: its id and
-- numero, a state, a file's id. Append-only: the trigger below refuses any change, unless the transaction says it is
-- the retention's (SET LOCAL assistenza.registro_modificabile = 'si').
CREATE TABLE registro (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  il timestamptz NOT NULL DEFAULT now(),
  -- The operator's login name (kept after the operator is removed); for a failed login, the name tried.
  operatore text,
  azione text NOT NULL,
  richiesta uuid,
  numero bigint,
  dettagli jsonb NOT NULL DEFAULT '{}'::jsonb
);

CREATE INDEX registro_per_operatore ON registro (operatore, id DESC);
CREATE INDEX registro_per_richiesta ON registro (richiesta, id DESC);

CREATE FUNCTION registro_solo_aggiunte() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('assistenza.registro_modificabile', true) IS DISTINCT FROM 'si' THEN
    RAISE EXCEPTION 'il registro delle azioni non si modifica: si aggiunge soltanto';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER registro_solo_aggiunte BEFORE UPDATE OR DELETE ON registro
  FOR EACH ROW EXECUTE FUNCTION registro_solo_aggiunte();

-- The queue: when the help desk last wrote, and since when the request waits for it (NULL: the help desk spoke last).
ALTER TABLE richieste ADD COLUMN ultima_assistenza_il timestamptz;
ALTER TABLE richieste ADD COLUMN in_attesa_dal timestamptz;

UPDATE richieste r SET ultima_assistenza_il =
  (SELECT max(m.ricevuto_il) FROM messaggi m WHERE m.richiesta = r.id AND m.autore = 'assistenza');
UPDATE richieste r SET in_attesa_dal = CASE
  WHEN r.ultima_assistenza_il IS NULL THEN r.ricevuta_il
  ELSE (SELECT min(m.ricevuto_il) FROM messaggi m
        WHERE m.richiesta = r.id AND m.autore = 'utente' AND m.ricevuto_il > r.ultima_assistenza_il)
END;

CREATE INDEX richieste_in_attesa ON richieste (in_attesa_dal) WHERE stato NOT IN ('risolta', 'chiusa');

-- A new request waits for the help desk from its arrival.
ALTER TABLE richieste ALTER COLUMN in_attesa_dal SET DEFAULT now();

-- Which operator wrote a help desk's message (the console shows it; the user sees "Assistenza").
ALTER TABLE messaggi ADD COLUMN operatore text;
