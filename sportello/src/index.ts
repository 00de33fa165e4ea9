// The console's elements, each defined once: the page's entry, and what a test imports to mount them.
import { definisci } from '../../src/definisci.js';
import { SportelloAccesso } from './accesso/accesso.js';
import { SportelloApp } from './app/app.js';
import { SportelloCoda } from './coda/coda.js';
import { SportelloOperatori } from './operatori/operatori.js';
import { SportelloRegistro } from './registro/registro.js';
import { SportelloRichiesta } from './richiesta/richiesta.js';
import { SportelloUtenti } from './utenti/utenti.js';
import { SportelloTempi } from './tempi/tempi.js';

export {
  SportelloAccesso,
  SportelloApp,
  SportelloCoda,
  SportelloOperatori,
  SportelloRegistro,
  SportelloRichiesta,
  SportelloUtenti,
  SportelloTempi,
};

definisci('sportello-accesso', SportelloAccesso);
definisci('sportello-coda', SportelloCoda);
definisci('sportello-richiesta', SportelloRichiesta);
definisci('sportello-operatori', SportelloOperatori);
definisci('sportello-registro', SportelloRegistro);
definisci('sportello-utenti', SportelloUtenti);
definisci('sportello-tempi', SportelloTempi);
definisci('sportello-app', SportelloApp);

declare global {
  interface HTMLElementTagNameMap {
    'sportello-accesso': SportelloAccesso;
    'sportello-app': SportelloApp;
    'sportello-coda': SportelloCoda;
    'sportello-operatori': SportelloOperatori;
    'sportello-registro': SportelloRegistro;
    'sportello-richiesta': SportelloRichiesta;
    'sportello-utenti': SportelloUtenti;
    'sportello-tempi': SportelloTempi;
  }
}
