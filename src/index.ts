// The package entry (`import 'assistenza-tecnica'`, and the full bundle): registers every element through its own
// entry, and exports the public API.
import './consegna-da-ogni-elemento.js';
// The provider first: elements already in the page upgrade in this order (a module script runs after parsing), and a
// consumer that upgrades before its provider asks for the profile when nobody answers, and never asks again.
export { AssistenzaProvider } from './entries/provider.js';
export { AssistenzaTicketForm } from './entries/ticket-form.js';
export { AssistenzaTelefonica } from './entries/telefonica.js';
export { AssistenzaLimiti } from './entries/limiti.js';
export { AssistenzaTempiRisposta } from './entries/tempi-risposta.js';
export { AssistenzaRichieste } from './entries/richieste.js';

export { dimentica } from './delivery/consegna.js';
export type { Orologio } from './orologio.js';
export { datiTempiSchema, type DatiTempi, type Tempo } from './tempi-risposta/dati.js';
export { richiestaSchema, allegatoSchema, MAX_DESCRIZIONE, type Richiesta, type RichiestaInput } from './richiesta.js';
export { rispostaSchema, type Risposta } from './risposta.js';
export {
  richiestaUtenteSchema,
  elencoRichiesteSchema,
  STATI_RICHIESTA,
  type RichiestaUtente,
  type MessaggioRichiesta,
  type StatoRichiesta,
} from './elenco.js';
export {
  profiloContext,
  endpointContext,
  enteContext,
  fonteTempiContext,
  type Profilo,
  type ConfigurazioneEnte,
  type TelefonoEnte,
} from './context.js';
export type { InviataDetail, ErroreDetail, InCodaDetail, NuoveRisposteDetail, EventiAssistenza } from './events.js';
export type { Testi, TestiParziali, Lingua } from './i18n/index.js';
