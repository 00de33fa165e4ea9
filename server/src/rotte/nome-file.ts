// File names on the wire: the name a client sends in Content-Disposition (RFC 6266, RFC 8187), and the one a download
// sends back.

/** The longest file name kept, in characters. */
export const MAX_NOME_FILE = 255;

// The parameters after the disposition type: name=token or name="quoted string".
const parametro = /;\s*([^\s=;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g;

function parametri(valore: string): Map<string, string> {
  const trovati = new Map<string, string>();
  for (const m of valore.matchAll(parametro)) {
    let v = m[2].trim();
    if (v.startsWith('"')) {
      v = v.slice(1, -1).replace(/\\(.)/g, '$1');
    }
    trovati.set(m[1].toLowerCase(), v);
  }
  return trovati;
}

/** filename*=UTF-8''%e2%82%ac.pdf (RFC 8187): only UTF-8, the one charset a browser sends. */
function nomeEsteso(valore: string): string | undefined {
  const m = /^utf-8'[^']*'(.*)$/i.exec(valore);
  if (!m) {
    return undefined;
  }
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return undefined;
  }
}

/**
 * Node reads header bytes as Latin-1: a client that wrote UTF-8 straight into filename="…" gets its name back when
 * those bytes are valid UTF-8; otherwise the Latin-1 reading stands.
 */
function comeUtf8(valore: string): string {
  const byte = Buffer.from(valore, 'latin1');
  const testo = byte.toString('utf8');
  if (testo.includes('\ufffd')) {
    return valore;
  }
  return testo;
}

/** Only the last part of a path, without control characters: a name never points anywhere on the server. */
function ripulito(nome: string): string {
  const ultimo = nome.split(/[/\\]/).pop() ?? '';
  return ultimo.replace(/\p{Cc}/gu, '').trim();
}

export type NomeFile = { esito: 'ok'; nome: string } | { esito: 'mancante' } | { esito: 'lungo' };

/** The file name of an upload, from its Content-Disposition: filename* wins over filename, as RFC 6266 says. */
export function nomeDaContentDisposition(valore: string | undefined): NomeFile {
  const p = parametri(valore ?? '');
  const esteso = p.has('filename*') ? nomeEsteso(p.get('filename*') ?? '') : undefined;
  const semplice = p.has('filename') ? comeUtf8(p.get('filename') ?? '') : undefined;
  const nome = ripulito(esteso ?? semplice ?? '');
  if (nome === '' || nome === '.' || nome === '..') {
    return { esito: 'mancante' };
  }
  if ([...nome].length > MAX_NOME_FILE) {
    return { esito: 'lungo' };
  }
  return { esito: 'ok', nome };
}

/** Percent-encoding for RFC 8187: encodeURIComponent leaves ' ( ) * as they are, which attr-char does not allow. */
const percentuale = (s: string) =>
  encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The download's Content-Disposition: an ASCII fallback for old clients, and the exact name in filename*. */
export function contentDispositionDownload(nome: string): string {
  const ascii = nome.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${percentuale(nome)}`;
}

/** The media type of a Content-Type header, without its parameters, lower case. */
export const tipoDi = (contentType: string | undefined): string =>
  (contentType ?? '').split(';')[0].trim().toLowerCase();
