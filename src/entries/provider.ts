// `import 'assistenza-tecnica/provider'`: registers <assistenza-provider> only.
import { AssistenzaProvider } from '../provider/provider.js';
import { definisci } from '../definisci.js';

export { AssistenzaProvider };

definisci('assistenza-provider', AssistenzaProvider);

declare global {
  interface HTMLElementTagNameMap {
    'assistenza-provider': AssistenzaProvider;
  }
}
