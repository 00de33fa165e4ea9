-- The help desk's response times (issue 19): when the help desk first replied to each request, so that the months'
-- median time to the first reply is one pass over the requests of a range of their arrival, as the resolution's
-- shares are, instead of a look into the thread of each one.

-- The arrival of the help desk's first message in the thread (set once; NULL while it has written none).
ALTER TABLE richieste ADD COLUMN prima_risposta_il timestamptz;

UPDATE richieste r SET prima_risposta_il =
  (SELECT min(m.ricevuto_il) FROM messaggi m WHERE m.richiesta = r.id AND m.autore = 'assistenza');

-- In the database, so every path that writes a help desk's message keeps it right; the earliest wins, whatever the
-- order the messages are written in.
CREATE FUNCTION messaggi_prima_risposta() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE richieste SET prima_risposta_il = NEW.ricevuto_il
  WHERE id = NEW.richiesta AND (prima_risposta_il IS NULL OR prima_risposta_il > NEW.ricevuto_il);
  RETURN NULL;
END
$$;

CREATE TRIGGER messaggi_prima_risposta AFTER INSERT ON messaggi
  FOR EACH ROW WHEN (NEW.autore = 'assistenza') EXECUTE FUNCTION messaggi_prima_risposta();
