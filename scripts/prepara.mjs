// Set-up that `npm start` and `npm test` do themselves on a fresh machine: dependencies, then (for tests) browsers.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { PACCHETTI, file } from './engines.mjs';

export function dipendenze() {
  const segno = 'node_modules/.package-lock.json';
  if (existsSync(segno) && statSync(segno).mtimeMs >= statSync('package-lock.json').mtimeMs) return;
  console.log('assistenza-tecnica: installing dependencies (npm ci)…');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}

/** Installs Debian's browser packages that are missing (as root, with apt-get), or says plainly what to install. */
export function browser(engines) {
  const mancanti = engines.filter((e) => !file(e).every((f) => existsSync(f)));
  if (!mancanti.length) return;
  const deb = [...new Set(mancanti.flatMap((e) => PACCHETTI[e].deb))];
  const root = process.getuid?.() === 0;
  if (!root || !existsSync('/usr/bin/apt-get')) {
    console.error(
      `assistenza-tecnica: the tests need ${mancanti
        .flatMap(file)
        .filter((f) => !existsSync(f))
        .join(', ')}.\nInstall Debian's packages: sudo apt-get install --no-install-recommends ${deb.join(' ')}`,
    );
    process.exit(1);
  }
  console.log(`assistenza-tecnica: installing ${deb.join(', ')} with apt-get (missing: ${mancanti.join(', ')})…`);
  execSync('apt-get update -qq', { stdio: 'inherit' });
  execSync(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${deb.join(' ')}`, {
    stdio: 'inherit',
  });
}

/** Installs Debian's PostgreSQL server when its binaries are missing (as root, with apt-get), or says what to install. */
export function postgres() {
  if (
    existsSync('/usr/lib/postgresql') &&
    readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`))
  )
    return;
  const root = process.getuid?.() === 0;
  if (!root || !existsSync('/usr/bin/apt-get')) {
    console.error(
      "assistenza-tecnica: the server's tests need PostgreSQL's server binaries.\nInstall Debian's package: sudo apt-get install --no-install-recommends postgresql",
    );
    process.exit(1);
  }
  console.log('assistenza-tecnica: installing postgresql with apt-get…');
  execSync('apt-get update -qq', { stdio: 'inherit' });
  execSync('DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql', {
    stdio: 'inherit',
  });
}
