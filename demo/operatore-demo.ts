// The demo's help desk operator, an administrator: the server the demo starts creates it (ASSISTENZA_ADMIN_UTENTE and
// ASSISTENZA_ADMIN_PASSWORD) on its first start, npm start prints it and the demo's panel shows it. A demo's password
// on a demo's computer: never use it for a real server.
export const OPERATORE_DEMO = { utente: 'sportello', password: 'sportello-demo' } as const;
