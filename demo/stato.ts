// The demo's state that every page shares: who is logged in and whether the Ente bought phone support (localStorage),
// applied to the assistenza elements of the page (the profile, and the user's token as their headers), and the demo's
// session cookie that tells the demo's portal side who is logged in. No import of the package: the Ente page loads
// only the bundle.
import { COOKIE_SESSIONE, PROFILI, type ProfiloDemo } from './profili.js';

export { PROFILI, type ProfiloDemo };

/** The Ente's phone line, as the provider's `ente` and as the Ente page's attributes. */
export const TELEFONO = { numero: '0521 123456', orari: '08:30-12:30,14:00-18:00', giorni: 'lun-ven' };

const CHIAVE_PROFILO = 'demo:profilo';
const CHIAVE_TELEFONO = 'demo:telefono';

/** The logged-in user's id, or '' for nobody; Mario Rossi by default, as in the help page. */
export const profiloScelto = (): string => localStorage.getItem(CHIAVE_PROFILO) ?? 'mrossi';
export const profiloAttivo = (): ProfiloDemo | undefined => PROFILI[profiloScelto()];
export const telefonoAttivo = (): boolean => localStorage.getItem(CHIAVE_TELEFONO) !== 'no';

export function scegliProfilo(id: string): void {
  localStorage.setItem(CHIAVE_PROFILO, id);
  applica();
}

export function attivaTelefono(si: boolean): void {
  localStorage.setItem(CHIAVE_TELEFONO, si ? 'si' : 'no');
  applica();
}

/**
 * The session cookie follows the chosen user, at every page load and on every change (of this tab or another one), so
 * the server always reads the user the page shows. Nobody logged in: no cookie.
 */
function scriviSessione(): void {
  const p = profiloAttivo();
  if (p === undefined) {
    document.cookie = `${COOKIE_SESSIONE}=; path=/; SameSite=Strict; max-age=0`;
    return;
  }
  document.cookie = `${COOKIE_SESSIONE}=${encodeURIComponent(p.id)}; path=/; SameSite=Strict`;
}

type Intestazioni = Record<string, string>;

// The last token the demo's portal gave this page, for whom and until when.
let token: { utente: string; valore: string; scadeIl: number } | undefined;

/**
 * The elements' `headers`: the logged-in user's token, as a portal hands it to the widget. The demo's portal side
 * (GET /portale/token, the Vite middleware that holds the secret) mints it for the user of the session cookie; it is
 * asked again a minute before it expires or when the user changes. Nobody logged in: no header, an anonymous caller.
 * A token that cannot be had throws: the request waits rather than go out anonymous under someone's name.
 */
export async function intestazioniPortale(): Promise<Intestazioni> {
  const utente = profiloAttivo()?.id;
  if (utente === undefined) return {};
  if (token === undefined || token.utente !== utente || token.scadeIl - Date.now() < 60_000) {
    const r = await fetch('/portale/token', { credentials: 'same-origin', cache: 'no-store' });
    if (!r.ok) throw new Error(`/portale/token: HTTP ${r.status}`);
    const { token: valore, scadeIl } = (await r.json()) as { token: string; scadeIl: string };
    token = { utente, valore, scadeIl: Date.parse(scadeIl) };
  }
  return { Authorization: `Bearer ${token.valore}` };
}

type Provider = HTMLElement & { profilo?: ProfiloDemo; ente?: { telefono: object } };
type ConIntestazioni = HTMLElement & { headers?: () => Promise<Intestazioni> };

/** The elements that call the server with the user's identity: the form and the list (the menu's hidden one too). */
export function firma(el: Element): void {
  (el as ConIntestazioni).headers = intestazioniPortale;
}

/** Hands the state to the page: providers get profile and Ente configuration, a bare phone banner its attribute. */
export function applica(): void {
  scriviSessione();
  for (const p of document.querySelectorAll<Provider>('assistenza-provider')) {
    p.profilo = profiloAttivo();
    p.ente = { telefono: { ...TELEFONO, abilitata: telefonoAttivo() } };
  }
  for (const el of document.querySelectorAll('assistenza-ticket-form, assistenza-richieste')) firma(el);
  for (const t of document.querySelectorAll('assistenza-telefonica')) {
    if (!t.closest('assistenza-provider')) t.toggleAttribute('abilitata', telefonoAttivo());
  }
  document.dispatchEvent(new Event('demo-stato'));
}

// Before any element of the page sends anything: the form's queue may deliver a pending request at load.
scriviSessione();
for (const el of document.querySelectorAll('assistenza-ticket-form, assistenza-richieste')) firma(el);

// Another tab of the demo changed the state: follow it.
addEventListener('storage', (e) => {
  if (e.key === CHIAVE_PROFILO || e.key === CHIAVE_TELEFONO) applica();
});
