// `import 'assistenza-tecnica/richieste'`: registers <assistenza-richieste> only (with the delivery queue its replies need).
import { AssistenzaRichieste } from '../richieste/richieste.js';
import { definisci } from '../definisci.js';

export { AssistenzaRichieste };

definisci('assistenza-richieste', AssistenzaRichieste);

declare global {
  interface HTMLElementTagNameMap {
    'assistenza-richieste': AssistenzaRichieste;
  }
}
