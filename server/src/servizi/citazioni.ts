// A reply by mail without the history its mail program quoted below it: what the user wrote, as the thread shows it.
// Mail programs mark the history in a handful of ways: "Il giorno … ha scritto:" / "On … wrote:" (Gmail, Apple Mail,
// Thunderbird) above lines starting with ">", and Outlook's "-----Messaggio originale-----" or its "Da: … Inviato: …"
// block above the earlier mail pasted as it was.

/** "Il giorno lun 3 feb 2026 alle ore 10:12 Assistenza <…> ha scritto:" and its sisters in other languages. */
const attribuzione =
  /^\s*(?:il|on|le|am|el|in data)\b.{0,400}\b(?:ha scritto|hanno scritto|wrote|a écrit|schrieb|escribió)\s*:\s*$/i;
const separatoreOriginale =
  /^\s*-{2,}\s*(?:original message|messaggio originale|forwarded message|messaggio inoltrato)\s*-{2,}\s*$/i;
const intestazioneDa = /^\s*\*?(?:da|from)\s*:\*?\s/i;
const intestazioneInviato = /^\s*\*?(?:inviato|sent|data|date)\s*:\*?\s/i;
// The rule Outlook draws above the earlier mail's headers.
const rigaDivisoria = /^\s*_{10,}\s*$/;
const citata = (riga: string) => /^\s*>/.test(riga);
const vuota = (riga: string) => riga.trim() === '';

/** Whether an attribution (on one line, or wrapped on up to three) starts at `i`: the index after it, or -1. */
function fineAttribuzione(righe: string[], i: number): number {
  let unite = '';
  for (let n = 0; n < 3 && i + n < righe.length; n++) {
    unite = `${unite} ${righe[i + n]}`.trim();
    if (attribuzione.test(unite)) {
      return i + n + 1;
    }
  }
  return -1;
}

/** Whether what follows `da` is quoted history: a ">" line after blank ones, or nothing at all. */
function seguonoCitazioni(righe: string[], da: number): boolean {
  let i = da;
  while (i < righe.length && vuota(righe[i])) {
    i += 1;
  }
  return i === righe.length || citata(righe[i]);
}

/** Outlook's header block of the earlier mail: "Da:" with "Inviato:" (or "Sent:", "Data:") within a few lines. */
function bloccoOutlook(righe: string[], i: number): boolean {
  if (!intestazioneDa.test(righe[i])) {
    return false;
  }
  return righe.slice(i + 1, i + 5).some((r) => intestazioneInviato.test(r));
}

/** Where the quoted history starts: the first marker line, or the end when there is none. */
function inizioStoria(righe: string[]): number {
  for (let i = 0; i < righe.length; i++) {
    if (separatoreOriginale.test(righe[i])) {
      return i;
    }
    if (bloccoOutlook(righe, i)) {
      const sopra = i > 0 && rigaDivisoria.test(righe[i - 1]);
      return sopra ? i - 1 : i;
    }
    const fine = fineAttribuzione(righe, i);
    if (fine >= 0 && seguonoCitazioni(righe, fine)) {
      return i;
    }
  }
  return righe.length;
}

/**
 * The text of a reply without the history below it, and without the ">" lines the user answered between (their own
 * lines in between stay). Line breaks normalised to \n, runs of blank lines to one, trimmed.
 */
export function senzaCitazioni(testo: string): string {
  const righe = testo.replace(/\r\n?/g, '\n').split('\n');
  const proprie = righe.slice(0, inizioStoria(righe)).filter((r) => !citata(r));
  return proprie
    .map((r) => r.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
