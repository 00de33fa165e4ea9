// `npm run server`: builds the server when it is missing or older than its sources, then runs it in this process
// (its configuration comes from the environment: see the README's table).
import { dipendenze } from './prepara.mjs';

dipendenze();
const { costruisciServer, serverDaCostruire, USCITA } = await import('./server.mjs');
if (serverDaCostruire()) {
  console.log('assistenza-tecnica: building the server…');
  await costruisciServer();
}
await import(`../${USCITA}`);
