// Loaded first by the host pages of test/bundle.test.ts: records what the test asserts never happens (policy
// violations, errors) and what the page opened (IndexedDB, BroadcastChannel, Web Locks, requests).
window.segnalazioni = [];
window.aperture = [];
const annota = (tipo, testo) => window.segnalazioni.push({ tipo, testo });
const apre = (cosa) => window.aperture.push(cosa);
document.addEventListener('securitypolicyviolation', (e) =>
  annota(
    'csp',
    `${e.violatedDirective} ${e.blockedURI} ${e.sample} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`,
  ),
);
addEventListener('error', (e) => annota('errore', String(e.message)));
addEventListener('unhandledrejection', (e) => annota('errore', String(e.reason)));
const originale = console.error;
console.error = (...a) => {
  annota('console.error', a.map(String).join(' '));
  originale.apply(console, a);
};

// Each wrapper records, then does what the original does. IndexedDB's and Web Locks' on their prototypes: WebKit may
// collect the wrapper of `indexedDB` or `navigator.locks`, and a replacement put on the object itself is then gone.
const apriDb = IDBFactory.prototype.open;
IDBFactory.prototype.open = function (...a) {
  apre(`indexedDB ${a[0]}`);
  return apriDb.apply(this, a);
};
const Canale = window.BroadcastChannel;
window.BroadcastChannel = class extends Canale {
  constructor(nome) {
    super(nome);
    apre(`BroadcastChannel ${nome}`);
  }
};
if (window.LockManager) {
  const richiedi = LockManager.prototype.request;
  LockManager.prototype.request = function (nome, ...a) {
    apre(`lock ${nome}`);
    return richiedi.call(this, nome, ...a);
  };
}
const prendi = window.fetch.bind(window);
window.fetch = (risorsa, ...a) => {
  apre(`fetch ${String(risorsa instanceof Request ? risorsa.url : risorsa)}`);
  return prendi(risorsa, ...a);
};
const invia = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (metodo, url, ...a) {
  apre(`xhr ${metodo} ${url}`);
  return invia.call(this, metodo, url, ...a);
};
