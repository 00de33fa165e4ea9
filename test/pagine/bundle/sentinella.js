// Loaded first by the host pages of test/bundle.test.ts: records what the test asserts never happens.
window.segnalazioni = [];
const annota = (tipo, testo) => window.segnalazioni.push({ tipo, testo });
document.addEventListener('securitypolicyviolation', (e) => annota("csp", `${e.violatedDirective} ${e.blockedURI} ${e.sample} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`));
addEventListener('error', (e) => annota('errore', String(e.message)));
addEventListener('unhandledrejection', (e) => annota('errore', String(e.reason)));
const originale = console.error;
console.error = (...a) => {
  annota('console.error', a.map(String).join(' '));
  originale.apply(console, a);
};
