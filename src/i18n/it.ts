// Italian texts: the wording of the portal's own help page, the default language. One export per element (and per
// part an element shares), so that a bundle carries only the texts of the elements it registers.

/** Why a field of the request is not valid: the schema's messages (the endpoint speaks them too) and the form's. */
export const errori = {
  // Shown to people who never see the id, the date or the checkbox's type: one plain message covers them.
  nonValido: 'Valore non valido.',
  cognome: 'Inserisci il cognome.',
  nome: 'Inserisci il nome.',
  lungo: 'Al massimo 100 caratteri.',
  email: 'Inserisci un indirizzo email valido, ad esempio mario.rossi@esempio.it.',
  emailPerRisposta: 'Per ricevere la risposta via mail inserisci un indirizzo email valido.',
  telefono: 'Inserisci un numero di telefono valido: cifre, spazi, punti e il prefisso +39.',
  descrizione: 'Descrivi il problema.',
  descrizioneLunga: 'La descrizione può contenere al massimo 4000 caratteri.',
};

/** <assistenza-ticket-form>. */
export const modulo = {
  cognome: 'Cognome',
  nome: 'Nome',
  email: 'Email',
  telefono: 'Telefono',
  rispostaViaEmail: 'Invia la risposta anche via mail',
  descrizione: 'Descrizione del problema',
  tipologia: 'Tipologia pratica',
  numeroPratica: 'Numero pratica',
  pratica: 'Pratica (facoltativo)',
  notaObbligatori: 'I campi contrassegnati con * sono obbligatori.',
  consiglioTelefono:
    'Ti consigliamo di lasciare un numero di telefono: a volte la risposta è più semplice per telefono.',
  guidaDescrizione:
    'Descrivi cosa è successo e cosa ti aspettavi, con la tipologia e il numero della pratica e l’eventuale messaggio di errore.',
  contatore: '{n} caratteri su {max}',
  invia: 'Invia richiesta',
  invio: 'Invio in corso…',
  correggi: 'La richiesta non è stata inviata: correggi i campi evidenziati ({n}).',
  inviata: 'Richiesta inviata: ti risponderemo il più rapidamente possibile.',
  numeroTicket: 'Numero della richiesta: {numero}.',
  seguiRichiesta: 'Segui la richiesta in Le mie richieste',
  rifiutata: 'La richiesta non è stata accettata: {messaggio}',
  erroreGenerico: 'errore {stato}.',
  inCodaOffline: 'Richiesta in coda, sei offline: verrà inviata appena torni online.',
  inCodaServizio:
    'Richiesta in coda, il servizio di assistenza non risponde: la richiesta è salvata su questo computer e verrà inviata automaticamente.',
  inAttesa: 'Richieste in attesa di invio: {n}.',
  altroUtente: 'Non partono da questa pagina, dove risulta collegato un altro utente.',
  senzaArchivio: 'Questo browser non conserva le bozze: se chiudi la pagina prima dell’invio, il testo andrà perso.',
  nonInviata: 'Richiesta non inviata',
  scaduta: 'Non consegnata entro {giorni} giorni, non verrà più ritentata: copia il testo e inviala di nuovo.',
  respinta: 'Non accettata: {messaggio} Copia il testo per riproporla.',
  copia: 'Copia il testo',
  elimina: 'Elimina',
  limiteEnte: 'Attenzione: questo è un tema di competenza dell’Ente',
};

/** The form's attachments (<assistenza-ticket-form>). */
export const allegati = {
  etichetta: 'Allegati',
  aiuto:
    'Immagini PNG o JPEG e PDF, fino a 5 file da 10 MB ciascuno. Puoi anche incollare uno screenshot o trascinare qui i file.',
  elenco: 'File allegati',
  voce: '{nome}, {dimensione}',
  rimuovi: 'Rimuovi {nome}',
  tipo: '{nome}: sono accettati solo PNG, JPEG e PDF',
  grande: '{nome}: supera i 10 MB',
  vuoto: '{nome}: il file è vuoto',
  illeggibile: '{nome}: l’immagine non si riesce a leggere',
  troppi: 'Puoi allegare al massimo 5 file',
  perso: '{nome}: il file non è più disponibile, allegalo di nuovo',
  rifiutato: '{nome}: {messaggio}',
  daRimuovere: 'Rimuovi o sostituisci i file non accettati prima di inviare.',
  preparazione: 'Preparazione degli allegati…',
  soloPagina:
    'Gli allegati sono conservati solo in questa pagina: non chiuderla finché la richiesta non è stata inviata.',
  caricamento: 'Caricamento di {nome}',
  inviati: 'Allegati inviati: {n}.',
};

/** <assistenza-telefonica>. */
export const telefonica = {
  titolo: 'Assistenza tecnica telefonica',
  chiama: 'Puoi chiamare il numero',
  orari: 'Orari: {giorni}, {fasce}, esclusi i festivi.',
  ora: '{h}.{m}',
  intervallo: 'da {da} a {a}',
  aperto: 'Aperto ora',
  chiuso: 'Chiuso',
  riapreOggi: 'riapre alle {ora}',
  riapreDomani: 'riapre domani alle {ora}',
  riapreGiorno: 'riapre {giorno} alle {ora}',
};

/** <assistenza-limiti>, and the form's notice about the same cases. */
export const limiti = {
  titolo: 'Cosa non possiamo risolvere',
  intro:
    'Ci occupiamo di problemi tecnico-informatici e di errori imprevisti: nei casi seguenti deve intervenire l’Ente.',
  sommario: 'I casi di competenza dell’Ente',
  chi: 'Chi può intervenire:',
  noi: 'Cosa possiamo fare:',
  puoiInviare: 'Puoi comunque inviare la richiesta.',
  pagopa: {
    titolo: 'Pagamenti con PagoPA',
    perche:
      'Non possiamo intervenire sui pagamenti PagoPA: se hai pagato con bonifico dove era previsto PagoPA, non possiamo sbloccare la pratica.',
    chi: 'L’Ente, che ha gli strumenti per farlo.',
    noi: 'Supportare l’Ente, non agire sul solo input del professionista.',
  },
  tipologia: {
    titolo: 'Tipologia di pratica e documenti',
    perche: 'Non possiamo risolvere dubbi sulla pratica o sui documenti alternativi da presentare.',
    chi: 'L’Ente, che valuta la pratica.',
    noi: 'Aiutarti con gli errori del portale.',
  },
  modulistica: {
    titolo: 'Modulistica nazionale e regionale',
    perche:
      'Se un modello nazionale o regionale non ti consente di conformare la pratica, non possiamo aggirare i suoi campi obbligatori o controlli.',
    chi: 'L’Ente, a cui segnalarlo.',
    noi: 'Verificare che non sia un errore del software.',
  },
  volture: {
    titolo: 'Volture',
    perche: 'Non possiamo effettuare volture con il solo input del professionista.',
    chi: 'L’Ente, che può operare in autonomia.',
    noi: 'Supportare l’Ente, se ce lo chiede.',
  },
};

/** <assistenza-tempi-risposta>. */
export const tempi = {
  titolo: 'Tempi di risposta dell’assistenza',
  intro: 'Richieste di assistenza risolte:',
  entro: 'entro {durata}',
  oltre: 'oltre {durata}',
  minuti: '{n} minuti',
  ora: 'un’ora',
  ore: '{n} ore',
  giornata: 'la giornata (8 ore)',
  circa: { oltre: 'oltre {art}{p}', quasi: 'quasi {art}{p}', solo: 'solo {art}{p}' },
  cause: 'Quando servono più di 24 ore, di solito è perché:',
  motivi: [
    'l’assistenza è stata richiesta nel fine settimana (sabato oppure domenica);',
    'serve l’intervento dell’Ente, che magari non è subito disponibile;',
    'il problema richiede una correzione del software.',
  ],
  aggiornati: 'Dati aggiornati a',
  su: ', su {n} richieste',
  suUna: ', su una richiesta',
};

/** <assistenza-richieste>: the user's requests, their states and the help desk's replies. */
export const richieste = {
  titolo: 'Le mie richieste',
  vuoto: 'Non hai ancora inviato richieste di assistenza.',
  caricamento: 'Caricamento delle tue richieste…',
  numero: 'Richiesta n. {numero}',
  stati: {
    ricevuta: 'Ricevuta',
    'in-lavorazione': 'In lavorazione',
    'attesa-utente': 'In attesa di una tua risposta',
    risolta: 'Risolta',
    chiusa: 'Chiusa',
  } as Record<string, string>,
  nuovaRisposta: 'Nuova risposta',
  ultimoAggiornamento: 'Ultimo aggiornamento: {quando}',
  oggiAlle: 'oggi alle {ora}',
  ieriAlle: 'ieri alle {ora}',
  giornoMese: '{giorno} {mese}, {ora}',
  giornoMeseAnno: '{giorno} {mese} {anno}, {ora}',
  mesi: ['gen', 'feb', 'mar', 'apr', 'mag', 'giu', 'lug', 'ago', 'set', 'ott', 'nov', 'dic'],
  mostra: 'Mostra',
  aperte: 'Aperte',
  tutte: 'Tutte',
  nessunaAperta: 'Nessuna richiesta aperta.',
  nuoveTraChiuse: 'Ci sono nuove risposte tra le richieste risolte o chiuse: scegli «Tutte» per vederle.',
  inAttesaDiInvio: 'In attesa di invio',
  motivoOffline: 'sei offline: verrà inviata appena torni online.',
  motivoServizio: 'il servizio di assistenza non risponde: prossimo tentativo alle {ora}.',
  motivoAltroUtente: 'non parte da questa pagina, dove risulta collegato un altro utente.',
  inviataIl: 'Inviata il {data}',
  pratica: 'Pratica:',
  allegati: 'Allegati:',
  conversazione: 'Conversazione',
  tu: 'Tu',
  assistenza: 'Assistenza',
  tuaRisposta: 'La tua risposta',
  inviaRisposta: 'Invia risposta',
  inInvio: 'In invio',
  inCoda: 'In coda',
  chiusa: 'La richiesta è chiusa: per un nuovo problema invia una nuova richiesta.',
  nuovaDallAssistenza: "1 nuova risposta dall'assistenza",
  nuoveDallAssistenza: "{n} nuove risposte dall'assistenza",
  aggiornatoAlle: 'Aggiornato alle {ora}.',
  nonAggiornato: 'Non è stato possibile aggiornare l’elenco: ti mostriamo quello letto l’ultima volta.',
  errore: 'Non è stato possibile leggere le tue richieste: riprova più tardi.',
  accedi: 'Accedi al portale per vedere le tue richieste',
  precedenti: 'Mostra le richieste precedenti',
  rispostaVuota: 'Scrivi il testo della risposta.',
  rispostaLunga: 'La risposta può contenere al massimo 4000 caratteri.',
  rispostaNonValida: 'La risposta contiene caratteri non ammessi.',
  rispostaRespinta: 'La risposta non è stata accettata: {messaggio}',
  rispostaScaduta: 'Non consegnata entro {giorni} giorni, non verrà più ritentata: copia il testo e inviala di nuovo.',
  copia: 'Copia il testo',
  elimina: 'Elimina',
};
