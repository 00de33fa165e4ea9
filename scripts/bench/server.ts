// What the benchmarks serve: the reference endpoint and its in-memory store (bundled for Node by each benchmark).
export { creaEndpoint } from '../../demo/server/endpoint.js';
export { ArchivioInMemoria } from '../../demo/server/archivio.js';
