// `import 'assistenza-tecnica/telefonica'`: registers <assistenza-telefonica> only: no queue, no IndexedDB, no request.
import { AssistenzaTelefonica } from '../telefonica/telefonica.js';
import { definisci } from '../definisci.js';

export { AssistenzaTelefonica };

definisci('assistenza-telefonica', AssistenzaTelefonica);

declare global {
  interface HTMLElementTagNameMap {
    'assistenza-telefonica': AssistenzaTelefonica;
  }
}
