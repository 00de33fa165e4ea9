// `import 'assistenza-tecnica/ticket-form'`: registers <assistenza-ticket-form> only (import the provider's entry before it, when the page has one).
import { AssistenzaTicketForm } from '../ticket-form/ticket-form.js';
import { definisci } from '../definisci.js';

export { AssistenzaTicketForm };

definisci('assistenza-ticket-form', AssistenzaTicketForm);

declare global {
  interface HTMLElementTagNameMap {
    'assistenza-ticket-form': AssistenzaTicketForm;
  }
}
