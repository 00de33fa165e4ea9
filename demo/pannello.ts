// The demo's control panel, on every page: who is logged in, the Ente's phone line, and faults of the local endpoint
// (POST /api/guasti) so a visitor can watch the queue hold a request and deliver it later.
import { PROFILI, applica, attivaTelefono, profiloScelto, scegliProfilo, telefonoAttivo } from './stato.js';
import { OPERATORE_DEMO } from './operatore-demo.js';

type Guasto = Record<string, unknown>;

const GUASTI: { id: string; etichetta: string; guasti: Guasto[]; stato: string }[] = [
  { id: 'funziona', etichetta: 'Funziona', guasti: [], stato: 'l’endpoint riceve le richieste.' },
  {
    id: 'rete',
    etichetta: 'Non raggiungibile (connessione interrotta)',
    guasti: [{ modo: 'rete' }],
    stato: 'l’endpoint interrompe ogni connessione, come senza rete.',
  },
  {
    id: '503',
    etichetta: 'Risponde 503 (servizio non disponibile)',
    guasti: [
      { modo: 'stato', stato: 503, retryAfter: '5', messaggio: 'Servizio temporaneamente non disponibile (simulato).' },
    ],
    stato: 'l’endpoint risponde 503 con Retry-After di 5 secondi.',
  },
  {
    id: 'lento',
    etichetta: 'Lento (risponde dopo 8 secondi)',
    guasti: [{ modo: 'lento', ritardoMs: 8000 }],
    stato: 'l’endpoint risponde dopo 8 secondi.',
  },
];

/** Which control of the panel the endpoint's current faults are. */
function riconosci(g: Guasto[]): string {
  if (!g.length) return 'funziona';
  if (g[0].modo === 'stato') return '503';
  return g[0].modo as string;
}

/** An element with its attributes and children. */
export function crea<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributi: Record<string, string> = {},
  ...figli: (Node | string)[]
) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attributi)) el.setAttribute(k, v);
  el.append(...figli);
  return el;
}

function radio(nome: string, valore: string, etichetta: string, scelto: boolean) {
  const id = `${nome}-${valore || 'nessuno'}`;
  const input = crea('input', { type: 'radio', name: nome, id, value: valore });
  input.checked = scelto;
  return crea('div', { class: 'scelta' }, input, crea('label', { for: id }, etichetta));
}

export function montaPannello(dove: HTMLElement): void {
  const annuncio = crea('p', { role: 'status', class: 'annuncio' });
  const dici = (s: string) => {
    annuncio.textContent = s;
  };

  const utenti = crea('fieldset', {}, crea('legend', {}, 'Utente collegato al portale'));
  for (const p of Object.values(PROFILI))
    utenti.append(radio('profilo', p.id, `${p.nome} ${p.cognome}`, profiloScelto() === p.id));
  utenti.append(radio('profilo', '', 'Nessuno (visitatore non collegato)', !PROFILI[profiloScelto()]));
  utenti.addEventListener('change', (e) => {
    const id = (e.target as HTMLInputElement).value;
    scegliProfilo(id);
    dici(id ? `Ora è collegato ${PROFILI[id].nome} ${PROFILI[id].cognome}.` : 'Ora nessun utente è collegato.');
  });

  const tel = crea('input', { type: 'checkbox', id: 'telefono-ente' });
  tel.checked = telefonoAttivo();
  tel.addEventListener('change', () => {
    attivaTelefono(tel.checked);
    dici(tel.checked ? 'Assistenza telefonica dell’Ente attivata.' : 'Assistenza telefonica dell’Ente disattivata.');
  });
  const ente = crea(
    'fieldset',
    {},
    crea('legend', {}, 'Ente'),
    crea(
      'div',
      { class: 'scelta' },
      tel,
      crea('label', { for: 'telefono-ente' }, 'L’Ente ha attivato l’assistenza telefonica'),
    ),
  );

  const endpoint = crea('fieldset', {}, crea('legend', {}, 'Endpoint /api/richieste'));
  for (const g of GUASTI) endpoint.append(radio('guasto', g.id, g.etichetta, g.id === 'funziona'));
  endpoint.append(
    crea(
      'p',
      { class: 'nota' },
      'Una richiesta che non arriva resta in coda nel browser e viene ritentata da sola (la prima volta entro pochi secondi, poi a intervalli crescenti); ricaricando la pagina si ritenta subito.',
    ),
  );
  endpoint.addEventListener('change', async (e) => {
    const g = GUASTI.find((x) => x.id === (e.target as HTMLInputElement).value);
    if (!g) return;
    const r = await fetch('/api/guasti', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(g.guasti),
    });
    dici(r.ok ? `Endpoint: ${g.stato}` : 'Non è stato possibile cambiare il comportamento dell’endpoint.');
  });
  void fetch('/api/guasti')
    .then((r) => r.json())
    .then((g: Guasto[]) => {
      const id = riconosci(g);
      for (const i of endpoint.querySelectorAll<HTMLInputElement>('input')) i.checked = i.value === id;
    });

  // Where the page shows response times, say where their figures come from: the demo's own history, not a real one.
  const storico = document.querySelector('assistenza-tempi-risposta[fonte]')
    ? [
        crea(
          'p',
          { class: 'nota' },
          'I tempi di risposta di questa pagina sono calcolati dal server della demo sulle richieste del suo database: ' +
            'uno storico di circa tre mesi di richieste dimostrative, scritto all’avvio della demo (nello sportello ' +
            'sono quelle di «Storico della demo»), più quelle che invii tu.',
        ),
      ]
    : [];
  dove.replaceChildren(
    crea('h2', { id: 'pannello-titolo' }, 'Pannello della demo'),
    crea(
      'p',
      { class: 'nota' },
      'Questi comandi non fanno parte del portale: simulano l’utente, l’Ente e i guasti di rete.',
    ),
    crea('form', { class: 'comandi' }, utenti, ente, endpoint),
    ...storico,
    crea(
      'p',
      {},
      crea('a', { href: '/sportello/' }, 'Apri lo sportello dell’assistenza'),
      ` (utente ${OPERATORE_DEMO.utente}, password ${OPERATORE_DEMO.password}): le richieste ricevute e le risposte.`,
    ),
    annuncio,
    crea(
      'p',
      {},
      crea('a', { href: '/posta.html' }, 'Apri la posta dell’utente'),
      ': le mail dell’assistenza, a cui rispondere.',
    ),
  );
  dove.setAttribute('aria-labelledby', 'pannello-titolo');
  applica();
}

const dove = document.querySelector<HTMLElement>('[data-pannello]');
if (dove) montaPannello(dove);
