// `npm run server`: builds the server and its console when missing or older than their sources, then runs it here
// (its configuration comes from the environment: see the README's table).
import { dipendenze } from './prepara.mjs';

dipendenze();
const { costruisciServer, serverDaCostruire, USCITA } = await import('./server.mjs');
const { costruisciSportello, sportelloDaCostruire } = await import('./sportello.mjs');
if (serverDaCostruire()) {
  console.log('assistenza-tecnica: building the server…');
  await costruisciServer();
}
if (sportelloDaCostruire()) {
  console.log('assistenza-tecnica: building the help desk’s console…');
  await costruisciSportello();
}
await import(`../${USCITA}`);
