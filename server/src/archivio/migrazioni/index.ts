// The migrations, in order: each a numbered .sql file, bundled as text. A new one is a new file and a line here;
// a migration already applied anywhere is never edited.
import m001 from './001_richieste.sql';
import m002 from './002_sportello.sql';
import m003 from './003_posta.sql';
import m004 from './004_conservazione.sql';
import m005 from './005_prima_risposta.sql';

export interface Migrazione {
  versione: number;
  nome: string;
  sql: string;
}

export const MIGRAZIONI: Migrazione[] = [
  { versione: 1, nome: '001_richieste', sql: m001 },
  { versione: 2, nome: '002_sportello', sql: m002 },
  { versione: 3, nome: '003_posta', sql: m003 },
  { versione: 4, nome: '004_conservazione', sql: m004 },
  { versione: 5, nome: '005_prima_risposta', sql: m005 },
];
