// A browser tab, for the queue tests: its own realm (module instance, queue, tab id) over the shared IndexedDB.
// The query string says what the page holds: ?elemento=assistenza-telefonica&endpoint=…&utente=…&idb=rotto; with
// &profilo=<id> the element sits in an <assistenza-provider> whose profile has that id, as on a portal's page.
const q = new URLSearchParams(location.search);
const w = window as unknown as Record<string, unknown>;

// On the prototype, not on `indexedDB` itself: WebKit may collect the IDBFactory's JS wrapper, and the next read of
// `indexedDB` then gets a new one without the replaced method (the real open ran in 1 run in 5 of the suite).
if (q.get('idb') === 'rotto') {
  // As in a private window that refuses IndexedDB: every open fails.
  IDBFactory.prototype.open = () => {
    throw new DOMException('IndexedDB disabled', 'InvalidStateError');
  };
}
if (q.get('idb') === 'appeso') {
  // As WebKit has been seen to do: an open that never answers, with neither success nor error nor blocked.
  IDBFactory.prototype.open = () => new EventTarget() as IDBOpenDBRequest;
}
const eventi: { tipo: string; detail: unknown }[] = [];
w.eventi = eventi;
w.errori = [] as string[];
addEventListener('error', (e) => (w.errori as string[]).push(String(e.message)));
addEventListener('unhandledrejection', (e) => (w.errori as string[]).push(String(e.reason)));
for (const tipo of ['assistenza-inviata', 'assistenza-errore', 'assistenza-in-coda']) {
  document.addEventListener(tipo, (e) => eventi.push({ tipo, detail: (e as CustomEvent).detail }));
}

const coda = await import('../../src/delivery/consegna.js');
w.consegna = coda.consegnaDellaPagina();
// When the archive gave IndexedDB up, counted from its creation: a failing test can say how long it took.
const creato = performance.now();
const dopo = () => Math.round(performance.now() - creato);
coda.consegnaDellaPagina().archivio.quandoDegrada?.(() => {
  w.degradatoDopoMs = dopo();
});
// And whether a 3 s timer fires on time in this frame, and the open is the simulated one: what a failing test reports.
setTimeout(() => {
  w.timerDopoMs = dopo();
}, 3000);
w.apertoFinto = String(indexedDB.open).includes('EventTarget');
if (q.get('timeout')) coda.consegnaDellaPagina().timeoutMs = Number(q.get('timeout'));
await import('../../src/index.js');

const el = document.createElement(q.get('elemento') ?? 'assistenza-ticket-form');
for (const a of ['endpoint', 'utente', 'cognome', 'nome', 'email', 'abilitata', 'numero', 'conservazione'])
  if (q.get(a)) el.setAttribute(a, q.get(a)!);
const profilo = q.get('profilo');
if (profilo) {
  const provider = document.createElement('assistenza-provider') as HTMLElement & { profilo?: unknown };
  provider.profilo = { id: profilo, cognome: 'Rossi', nome: 'Mario' };
  provider.append(el);
  document.body.append(provider);
} else {
  document.body.append(el);
}
w.elemento = el;
w.pronta = true;
export {};
