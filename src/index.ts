// The package entry: registers every element (one place, guarded) and exports the public API.
import { AssistenzaTicketForm } from './ticket-form/ticket-form.js';
import { AssistenzaProvider } from './provider/provider.js';
import { AssistenzaTelefonica } from './telefonica/telefonica.js';
import { AssistenzaLimiti } from './limiti/limiti.js';
import { AssistenzaTempiRisposta } from './tempi-risposta/tempi-risposta.js';

export { AssistenzaTicketForm, AssistenzaProvider, AssistenzaTelefonica, AssistenzaLimiti, AssistenzaTempiRisposta };
export type { Orologio } from './orologio.js';
export type { DatiTempi, Tempo } from './tempi-risposta/dati.js';
export { richiestaSchema, MAX_DESCRIZIONE, type Richiesta, type RichiestaInput } from './richiesta.js';
export { profiloContext, endpointContext, enteContext, type Profilo, type ConfigurazioneEnte, type TelefonoEnte } from './context.js';
export type { InviataDetail, ErroreDetail, InCodaDetail, EventiAssistenza } from './events.js';
export type { Testi, TestiParziali, Lingua } from './i18n/index.js';

// The provider first: elements already in the page upgrade in this order (a module script runs after parsing), and a
// consumer that upgrades before its provider asks for the profile when nobody answers, and never asks again.
const elementi: [string, CustomElementConstructor][] = [
  ['assistenza-provider', AssistenzaProvider],
  ['assistenza-ticket-form', AssistenzaTicketForm],
  ['assistenza-telefonica', AssistenzaTelefonica],
  ['assistenza-limiti', AssistenzaLimiti],
  ['assistenza-tempi-risposta', AssistenzaTempiRisposta],
];
for (const [tag, classe] of elementi) customElements.get(tag) || customElements.define(tag, classe);

declare global {
  interface HTMLElementTagNameMap {
    'assistenza-ticket-form': AssistenzaTicketForm;
    'assistenza-provider': AssistenzaProvider;
    'assistenza-telefonica': AssistenzaTelefonica;
    'assistenza-limiti': AssistenzaLimiti;
    'assistenza-tempi-risposta': AssistenzaTempiRisposta;
  }
}
