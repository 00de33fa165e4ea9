-- Retention and a person's data (issue 21): since when a request is solved or closed, which requests were anonymised,
-- and the indexes the hourly purge finds its rows by.

-- Since when the request has been risolta or chiusa without a break: set when it enters one of the two from an open
-- state, kept from risolta to chiusa and back, cleared when it is reopened. NULL while it is open. risolta_il is the
-- first resolution, for the statistics; this is the last one, for the retention.
ALTER TABLE richieste ADD COLUMN conclusa_dal timestamptz;

-- The requests solved before this migration: their last change is the latest their last resolution can be, so none
-- is kept for less than the retention asks.
UPDATE richieste SET conclusa_dal = aggiornata_il WHERE stato IN ('risolta', 'chiusa');

-- In the database, so every path that sets a state keeps it right (the help desk's, the user's reply, any later one).
CREATE FUNCTION richieste_conclusa_dal() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.stato NOT IN ('risolta', 'chiusa') THEN
    NEW.conclusa_dal := NULL;
  ELSIF TG_OP = 'INSERT' OR OLD.stato NOT IN ('risolta', 'chiusa') THEN
    NEW.conclusa_dal := coalesce(NEW.conclusa_dal, now());
  ELSE
    NEW.conclusa_dal := coalesce(NEW.conclusa_dal, OLD.conclusa_dal, now());
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER richieste_conclusa_dal BEFORE INSERT OR UPDATE OF stato ON richieste
  FOR EACH ROW EXECUTE FUNCTION richieste_conclusa_dal();

CREATE INDEX richieste_per_conclusione ON richieste (conclusa_dal) WHERE conclusa_dal IS NOT NULL;

-- When an administrator anonymised it: names, contacts, texts and files removed, its times and states kept.
ALTER TABLE richieste ADD COLUMN anonimizzata_il timestamptz;

-- The uploads no request names, oldest first: removed 30 days after their upload.
CREATE INDEX allegati_non_usati ON allegati (caricato_il) WHERE richiesta IS NULL;

-- A user's uploads, for their export and erasure.
CREATE INDEX allegati_per_utente ON allegati (utente) WHERE utente IS NOT NULL;
