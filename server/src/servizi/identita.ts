// Who is calling: the portal signs a short-lived JWT (HS256) for its logged-in user and the page hands it to the
// widget, which sends it as `Authorization: Bearer <token>`. No header is an anonymous caller; a header that does not
// hold a valid token is never treated as anonymous.
import { jwtVerify, errors } from 'jose';

export type Identita =
  { esito: 'anonimo' } | { esito: 'utente'; utente: string } | { esito: 'non-valido'; messaggio: string };

/** A user id from `sub`: some text, at most 255 characters, nothing invisible. */
const idAmmesso = /^[^\p{Cc}]{1,255}$/u;

/** Tolerance for the clocks of the portal and this server. */
const TOLLERANZA_S = 30;

export function chiaveJwt(segreto: string): Uint8Array {
  return new TextEncoder().encode(segreto);
}

/** Reads the Authorization header's token, if any. */
export async function identita(autorizzazione: string | undefined, chiave: Uint8Array): Promise<Identita> {
  if (autorizzazione === undefined) {
    return { esito: 'anonimo' };
  }
  // The scheme's name is case-insensitive (RFC 9110 §11.1).
  const m = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i.exec(autorizzazione);
  if (m === null) {
    return { esito: 'non-valido', messaggio: 'L’intestazione Authorization deve essere «Bearer <token>».' };
  }
  try {
    const { payload } = await jwtVerify(m[1], chiave, {
      algorithms: ['HS256'],
      requiredClaims: ['sub', 'exp'],
      clockTolerance: TOLLERANZA_S,
    });
    if (typeof payload.sub !== 'string' || !idAmmesso.test(payload.sub)) {
      return { esito: 'non-valido', messaggio: 'Il token di accesso non indica un utente valido (sub).' };
    }
    return { esito: 'utente', utente: payload.sub };
  } catch (e) {
    if (e instanceof errors.JWTExpired) {
      return { esito: 'non-valido', messaggio: 'Il token di accesso è scaduto: accedi di nuovo al portale.' };
    }
    if (e instanceof errors.JWTClaimValidationFailed && e.claim === 'exp') {
      return { esito: 'non-valido', messaggio: 'Il token di accesso non ha una scadenza (exp).' };
    }
    return { esito: 'non-valido', messaggio: 'Il token di accesso non è valido.' };
  }
}
