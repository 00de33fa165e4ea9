// dist/assistenza-tecnica.js, for the portal's pages: every element, and the delivery queue. Exports nothing (a host
// page uses the tags).
import '../index.js';
