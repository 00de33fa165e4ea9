// The portal's "Le mie richieste" page, as a host names it (pagina-richieste): the form links to it, so only a web
// address is taken; a javascript: or data: URL in a link would run in the portal's page.

/** Any relative URL resolves against this to an https: one; an absolute one keeps its own scheme. */
const BASE = 'https://portale.invalid/';

/** Whether `url` is http:, https: or relative, as the browser will read it (spaces and tabs in a scheme included). */
function indirizzoWeb(url: string): boolean {
  try {
    const { protocol } = new URL(url, BASE);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** `url` when it is a web address; otherwise undefined, and a console warning naming the element. */
export function paginaAccettata(url: string | undefined, tag: string): string | undefined {
  if (!url || indirizzoWeb(url)) return url || undefined;
  console.warn(`<${tag}> pagina-richieste ignorata: è ammesso solo un indirizzo http:, https: o relativo («${url}»)`);
  return undefined;
}
