// Operators' passwords, hashed with scrypt (node:crypto) and a salt of their own; the parameters are stored with the
// hash, so a later raise of the cost still verifies the old ones.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** The cost: N = 2^15, r = 8, p = 1 (32 MiB, some tens of milliseconds), the floor OWASP gives for scrypt. */
const COSTO = { N: 2 ** 15, r: 8, p: 1 };
const LUNGHEZZA = 32;

const deriva = (password: string, sale: Buffer, o: ScryptOptions): Promise<Buffer> =>
  new Promise((ok, ko) => {
    const memoria = 256 * (o.N ?? COSTO.N) * (o.r ?? COSTO.r);
    scrypt(password.normalize('NFC'), sale, LUNGHEZZA, { ...o, maxmem: memoria }, (e, k) => {
      if (e) {
        ko(e);
      } else {
        ok(k);
      }
    });
  });

/** `scrypt$N$r$p$<salt>$<hash>`, base64url. */
export async function cifraPassword(password: string): Promise<string> {
  const sale = randomBytes(16);
  const hash = await deriva(password, sale, COSTO);
  return ['scrypt', COSTO.N, COSTO.r, COSTO.p, sale.toString('base64url'), hash.toString('base64url')].join('$');
}

/** Whether `password` is the one `cifrata` was made from; false for anything malformed. */
export async function verificaPassword(password: string, cifrata: string): Promise<boolean> {
  const [schema, n, r, p, sale, hash] = cifrata.split('$');
  if (schema !== 'scrypt' || !sale || !hash) {
    return false;
  }
  const atteso = Buffer.from(hash, 'base64url');
  const calcolato = await deriva(password, Buffer.from(sale, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return atteso.length === calcolato.length && timingSafeEqual(atteso, calcolato);
}

// A hash to check against when the name does not exist: a wrong name takes as long as a wrong password.
let fittizia: Promise<string> | undefined;
export function passwordFittizia(): Promise<string> {
  fittizia ??= cifraPassword(randomBytes(16).toString('hex'));
  return fittizia;
}
