// dist/assistenza-tecnica.js, for the portal's pages: every element, and the delivery queue. A host page uses the tags,
// and calls window.assistenzaTecnica.dimentica() at logout (it has no import to reach the function with).
import { dimentica } from '../index.js';

const globale = window as Window & { assistenzaTecnica?: object };
globale.assistenzaTecnica = { ...globale.assistenzaTecnica, dimentica };
