// What the mail benchmark (posta.mjs) drives of the server, bundled for Node by it: the database, the services that
// write a reply with its mail, and the outbox's worker with its SMTP transport.
export { apriPglite, apriPostgres } from '../../server/src/archivio/apri.js';
export { applicaMigrazioni } from '../../server/src/archivio/migrazioni.js';
export { nuovaRichiesta } from '../../server/src/servizi/richieste.js';
export { rispostaSportello } from '../../server/src/servizi/sportello.js';
export { orologioReale } from '../../server/src/servizi/posta.js';
export { Postino, trasportoSmtp } from '../../server/src/servizi/postino.js';
