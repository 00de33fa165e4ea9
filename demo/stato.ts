// The demo's state that every page shares: who is logged in and whether the Ente bought phone support (localStorage),
// applied to the assistenza elements of the page. No import of the package: the Ente page loads only the bundle.

export interface ProfiloDemo {
  id: string;
  cognome: string;
  nome: string;
  email?: string;
  telefono?: string;
}

export const PROFILI: Record<string, ProfiloDemo> = {
  mrossi: { id: 'mrossi', cognome: 'Rossi', nome: 'Mario', email: 'mario.rossi@esempio.it', telefono: '+39 347 123 4567' },
  abianchi: { id: 'abianchi', cognome: 'Bianchi', nome: 'Anna', email: 'anna.bianchi@esempio.it' },
};

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

type Provider = HTMLElement & { profilo?: ProfiloDemo; ente?: { telefono: object } };

/** Hands the state to the page: providers get profile and Ente configuration, a bare phone banner its attribute. */
export function applica(): void {
  for (const p of document.querySelectorAll<Provider>('assistenza-provider')) {
    p.profilo = profiloAttivo();
    p.ente = { telefono: { ...TELEFONO, abilitata: telefonoAttivo() } };
  }
  for (const t of document.querySelectorAll('assistenza-telefonica')) {
    if (!t.closest('assistenza-provider')) t.toggleAttribute('abilitata', telefonoAttivo());
  }
  document.dispatchEvent(new Event('demo-stato'));
}

// Another tab of the demo changed the state: follow it.
addEventListener('storage', (e) => {
  if (e.key === CHIAVE_PROFILO || e.key === CHIAVE_TELEFONO) applica();
});
