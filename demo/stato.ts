// The demo's state that every page shares: who is logged in and whether the Ente bought phone support (localStorage),
// applied to the assistenza elements of the page, and the demo's session cookie that tells the local server who is
// logged in. No import of the package: the Ente page loads only the bundle.
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

type Provider = HTMLElement & { profilo?: ProfiloDemo; ente?: { telefono: object } };

/** Hands the state to the page: providers get profile and Ente configuration, a bare phone banner its attribute. */
export function applica(): void {
  scriviSessione();
  for (const p of document.querySelectorAll<Provider>('assistenza-provider')) {
    p.profilo = profiloAttivo();
    p.ente = { telefono: { ...TELEFONO, abilitata: telefonoAttivo() } };
  }
  for (const t of document.querySelectorAll('assistenza-telefonica')) {
    if (!t.closest('assistenza-provider')) t.toggleAttribute('abilitata', telefonoAttivo());
  }
  document.dispatchEvent(new Event('demo-stato'));
}

// Before any element of the page sends anything: the form's queue may deliver a pending request at load.
scriviSessione();

// Another tab of the demo changed the state: follow it.
addEventListener('storage', (e) => {
  if (e.key === CHIAVE_PROFILO || e.key === CHIAVE_TELEFONO) applica();
});
