// The demo endpoint's store: a JSON file, rewritten whole through a temporary file so a crash never leaves half a write.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ArchivioInMemoria, type Ricevuta } from './endpoint.js';

export class ArchivioFile extends ArchivioInMemoria {
  constructor(private file: string) {
    super();
    if (!existsSync(file)) return;
    let ricevute: Ricevuta[];
    try {
      ricevute = JSON.parse(readFileSync(file, 'utf8')) as Ricevuta[];
      if (!Array.isArray(ricevute)) throw new Error('non è un elenco');
    } catch (e) {
      // Starting empty would hand out numeri already given: better to stop and say which file to look at.
      throw new Error(`assistenza-tecnica: l'archivio ${file} non è leggibile (${(e as Error).message}); correggilo o cancellalo.`);
    }
    for (const r of ricevute) this.ricevute.set(r.chiave, r);
  }

  override salva(r: Ricevuta): void {
    const prossime = [...this.elenco(), r];
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, JSON.stringify(prossime, null, 2));
      renameSync(tmp, this.file);
    } catch (e) {
      rmSync(tmp, { force: true });
      throw e;
    }
    super.salva(r);
  }
}
