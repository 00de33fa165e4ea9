// Imported first by src/index.ts, before any tag is defined: on the portal's pages the display-only elements deliver
// the queue too (see consegnaAncheDa). Their own entries leave it out: an Ente's site with the phone banner alone is
// usually another origin, whose IndexedDB cannot see the portal's queue anyway.
import { consegnaAncheDa } from './controllers/partecipazione.js';
import { AssistenzaTelefonica } from './telefonica/telefonica.js';
import { AssistenzaLimiti } from './limiti/limiti.js';
import { AssistenzaTempiRisposta } from './tempi-risposta/tempi-risposta.js';

consegnaAncheDa(AssistenzaTelefonica, AssistenzaLimiti, AssistenzaTempiRisposta);
