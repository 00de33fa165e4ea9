// The migrations, in order: each a numbered .sql file, bundled as text. A new one is a new file and a line here;
// a migration already applied anywhere is never edited.
import m001 from './001_richieste.sql';
import m002 from './002_sportello.sql';
import m005 from './005_conservazione.sql';

export interface Migrazione {
  versione: number;
  nome: string;
  sql: string;
}

export const MIGRAZIONI: Migrazione[] = [
  { versione: 1, nome: '001_richieste', sql: m001 },
  { versione: 2, nome: '002_sportello', sql: m002 },
  // 003 and 004 belong to branches written at the same time; 005 depends on neither, and they may come after it.
  { versione: 5, nome: '005_conservazione', sql: m005 },
];
