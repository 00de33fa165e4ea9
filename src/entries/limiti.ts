// `import 'assistenza-tecnica/limiti'`: registers <assistenza-limiti> only.
import { AssistenzaLimiti } from '../limiti/limiti.js';
import { definisci } from '../definisci.js';

export { AssistenzaLimiti };

definisci('assistenza-limiti', AssistenzaLimiti);

declare global {
  interface HTMLElementTagNameMap {
    'assistenza-limiti': AssistenzaLimiti;
  }
}
