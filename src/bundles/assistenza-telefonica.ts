// dist/assistenza-telefonica.js, for an Ente's site: the phone banner alone, without the form, zod, the queue or
// IndexedDB.
import '../entries/telefonica.js';
