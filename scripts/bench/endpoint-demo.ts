// What the benchmarks coda and allegati serve: the demo's reference endpoint and its in-memory store.
export { creaEndpoint } from '../../demo/server/endpoint.js';
export { ArchivioInMemoria } from '../../demo/server/archivio.js';
