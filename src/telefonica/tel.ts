// A phone number as a tel: link, the way the phone banner and the help desk's console both dial it.

/** The number as a tel: URL: separators dropped, 00 as +, and an Italian number gets +39. */
export function telDa(numero: string): string {
  const n = numero.replace(/[\s.\-/()]/g, '').replace(/^00/, '+');
  return `tel:${n.startsWith('+') ? n : `+39${n}`}`;
}
