// English texts, chosen by lang="en" on the element or any ancestor: the same exports as it.ts.
import type * as It from './it.js';

export const errori: typeof It.errori = {
  nonValido: 'Invalid value.',
  cognome: 'Enter your surname.',
  nome: 'Enter your first name.',
  lungo: 'At most 100 characters.',
  email: 'Enter a valid email address, for example mario.rossi@example.com.',
  emailPerRisposta: 'To receive the answer by email, enter a valid email address.',
  telefono: 'Enter a valid phone number: digits, spaces, dots and the +39 prefix.',
  descrizione: 'Describe the problem.',
  descrizioneLunga: 'The description can be at most 4000 characters long.',
};

export const modulo: typeof It.modulo = {
  cognome: 'Surname',
  nome: 'First name',
  email: 'Email',
  telefono: 'Phone',
  rispostaViaEmail: 'Send the answer by email too',
  descrizione: 'Problem description',
  tipologia: 'Practice type',
  numeroPratica: 'Practice number',
  pratica: 'Practice (optional)',
  notaObbligatori: 'Fields marked with * are required.',
  consiglioTelefono: 'We recommend leaving a phone number: sometimes a call is the quickest answer.',
  guidaDescrizione: 'Describe what happened and what you expected, with the type and number of the practice and any error message.',
  contatore: '{n} of {max} characters',
  invia: 'Send request',
  invio: 'Sending…',
  correggi: 'The request was not sent: correct the highlighted fields ({n}).',
  inviata: 'Request sent: we will answer as soon as possible.',
  numeroTicket: 'Request number: {numero}.',
  rifiutata: 'The request was not accepted: {messaggio}',
  erroreGenerico: 'error {stato}.',
  inCodaOffline: 'Request queued, you are offline: it will be sent as soon as you are back online.',
  inCodaServizio: 'Request queued, the support service is not answering: the request is saved on this computer and will be sent automatically.',
  inAttesa: 'Requests waiting to be sent: {n}.',
  senzaArchivio: 'This browser cannot keep drafts: if you close the page before sending, the text will be lost.',
  nonInviata: 'Request not sent',
  scaduta: 'Not delivered within {giorni} days and no longer retried: copy the text and send it again.',
  respinta: 'Not accepted: {messaggio} Copy the text to send it again.',
  copia: 'Copy the text',
  elimina: 'Delete',
  limiteEnte: 'Note: this is a matter for the municipality',
};

export const telefonica: typeof It.telefonica = {
  titolo: 'Phone support',
  chiama: 'You can call',
  orari: 'Hours: {giorni}, {fasce}, except public holidays.',
  ora: '{h}:{m}',
  intervallo: '{da} to {a}',
  aperto: 'Open now',
  chiuso: 'Closed',
  riapreOggi: 'reopens at {ora}',
  riapreDomani: 'reopens tomorrow at {ora}',
  riapreGiorno: 'reopens on {giorno} at {ora}',
};

export const limiti: typeof It.limiti = {
  titolo: 'What we cannot solve',
  intro: 'We handle technical problems and unexpected errors; in the cases below the municipality (the Ente) has to act.',
  sommario: 'Matters for the municipality',
  chi: 'Who can act:',
  noi: 'What we can do:',
  puoiInviare: 'You can still send the request.',
  pagopa: {
    titolo: 'PagoPA payments',
    perche: 'We cannot act on PagoPA payments: if you paid by bank transfer where PagoPA was required, we cannot unlock the practice.',
    chi: 'The municipality, which has the tools to do it.',
    noi: 'Support the municipality, not act on the professional’s word alone.',
  },
  tipologia: {
    titolo: 'Practice type and documents',
    perche: 'We cannot settle doubts about which practice or alternative documents to submit.',
    chi: 'The municipality, which assesses the practice.',
    noi: 'Help you with errors of the portal.',
  },
  modulistica: {
    titolo: 'National and regional forms',
    perche: 'If a national or regional form does not let you complete the practice, we cannot bypass its required fields or checks.',
    chi: 'The municipality, to which you should report it.',
    noi: 'Check that it is not a software error.',
  },
  volture: {
    titolo: 'Transfers of ownership (volture)',
    perche: 'We cannot transfer a practice to another holder on the professional’s word alone.',
    chi: 'The municipality, which can do it on its own.',
    noi: 'Support the municipality, if it asks us.',
  },
};

export const tempi: typeof It.tempi = {
  titolo: 'Support response times',
  intro: 'Support requests solved:',
  entro: 'within {durata}',
  oltre: 'more than {durata}',
  minuti: '{n} minutes',
  ora: 'an hour',
  ore: '{n} hours',
  giornata: 'the working day (8 hours)',
  circa: { oltre: 'over {p}', quasi: 'almost {p}', solo: 'only {p}' },
  cause: 'When it takes more than 24 hours, it is usually because:',
  motivi: [
    'the request was made at the weekend (Saturday or Sunday);',
    'the municipality has to act and may not be available at once;',
    'the problem needs a software fix.',
  ],
  aggiornati: 'Figures as of',
};
