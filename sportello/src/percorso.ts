// The console's places as the address bar's fragment (#/richieste/<id>), so that a link to a request can be shared,
// the browser's Back goes back, and the server serves one page.

export type Percorso =
  | { vista: 'coda' }
  | { vista: 'richiesta'; id: string }
  | { vista: 'operatori' }
  | { vista: 'utenti' }
  | { vista: 'tempi' }
  | { vista: 'registro'; richiesta?: string; operatore?: string };

const RICHIESTA = /^\/richieste\/([^/?#]+)$/;

/** The place a fragment names; anything unknown is the queue. */
export function leggiPercorso(hash: string): Percorso {
  const [cammino, query = ''] = hash.replace(/^#/, '').split('?', 2);
  const richiesta = RICHIESTA.exec(cammino);
  if (richiesta) {
    return { vista: 'richiesta', id: decodeURIComponent(richiesta[1]) };
  }
  if (cammino === '/operatori') {
    return { vista: 'operatori' };
  }
  if (cammino === '/utenti') {
    return { vista: 'utenti' };
  }
  if (cammino === '/tempi') {
    return { vista: 'tempi' };
  }
  if (cammino === '/registro') {
    const q = new URLSearchParams(query);
    const p: Percorso = { vista: 'registro' };
    const id = q.get('richiesta');
    const operatore = q.get('operatore');
    if (id) {
      p.richiesta = id;
    }
    if (operatore) {
      p.operatore = operatore;
    }
    return p;
  }
  return { vista: 'coda' };
}

/** The fragment of a place. */
export function indirizzo(p: Percorso): string {
  if (p.vista === 'richiesta') {
    return `#/richieste/${encodeURIComponent(p.id)}`;
  }
  if (p.vista === 'operatori') {
    return '#/operatori';
  }
  if (p.vista === 'utenti') {
    return '#/utenti';
  }
  if (p.vista === 'tempi') {
    return '#/tempi';
  }
  if (p.vista === 'registro') {
    const q = new URLSearchParams();
    if (p.operatore) {
      q.set('operatore', p.operatore);
    }
    if (p.richiesta) {
      q.set('richiesta', p.richiesta);
    }
    const filtri = q.toString();
    return filtri === '' ? '#/registro' : `#/registro?${filtri}`;
  }
  return '#/';
}
