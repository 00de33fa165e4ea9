// The demo endpoint's store: a JSON file, rewritten whole through a temporary file so a crash never leaves half a write.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ArchivioInMemoria, type Ricevuta } from './endpoint.js';

export class ArchivioFile extends ArchivioInMemoria {
  constructor(private file: string) {
    super();
    if (existsSync(file)) for (const r of JSON.parse(readFileSync(file, 'utf8')) as Ricevuta[]) this.ricevute.set(r.chiave, r);
  }

  override salva(r: Ricevuta): void {
    const prossime = [...this.elenco(), r];
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(prossime, null, 2));
    renameSync(tmp, this.file);
    super.salva(r);
  }
}
