// The demo's sessions: the cookie the pages write names the logged-in demo user; the server believes only known ids.
import type { IncomingMessage } from 'node:http';
import { COOKIE_SESSIONE, PROFILI } from '../profili.js';
import { cookie } from './http.js';

/** The session's user of a request to the demo, or undefined without a (valid) session cookie. */
export function utenteDemoDi(req: IncomingMessage): string | undefined {
  const id = cookie(req, COOKIE_SESSIONE);
  if (id === undefined || !Object.hasOwn(PROFILI, id)) {
    return undefined;
  }
  return id;
}
