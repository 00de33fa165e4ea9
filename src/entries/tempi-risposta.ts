// `import 'assistenza-tecnica/tempi-risposta'`: registers <assistenza-tempi-risposta> only.
import { AssistenzaTempiRisposta } from '../tempi-risposta/tempi-risposta.js';
import { definisci } from '../definisci.js';

export { AssistenzaTempiRisposta };

definisci('assistenza-tempi-risposta', AssistenzaTempiRisposta);

declare global {
  interface HTMLElementTagNameMap {
    'assistenza-tempi-risposta': AssistenzaTempiRisposta;
  }
}
