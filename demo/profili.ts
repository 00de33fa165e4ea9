// The demo's users, shared by the pages (who is logged in) and the local server (whose session a cookie names).

export interface ProfiloDemo {
  id: string;
  cognome: string;
  nome: string;
  email?: string;
  telefono?: string;
}

export const PROFILI: Record<string, ProfiloDemo> = {
  mrossi: {
    id: 'mrossi',
    cognome: 'Rossi',
    nome: 'Mario',
    email: 'mario.rossi@esempio.it',
    telefono: '+39 347 123 4567',
  },
  abianchi: { id: 'abianchi', cognome: 'Bianchi', nome: 'Anna', email: 'anna.bianchi@esempio.it' },
};

/**
 * The demo's session cookie: the pages write the chosen user's id in it, the server accepts only a known one. (A real
 * portal's session cookie is an opaque, HttpOnly token that its server looks up.)
 */
export const COOKIE_SESSIONE = 'assistenza-demo-sessione';
