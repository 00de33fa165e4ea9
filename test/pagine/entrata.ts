// A page that imports one entry of the package, as an npm user's bundle would: ?entrata=telefonica&elemento=…
// The sentinel (loaded first) records what the page opens.
const q = new URLSearchParams(location.search);
const w = window as unknown as Record<string, unknown>;
const entrata = q.get('entrata') ?? 'index';
await import(entrata === 'index' ? '../../src/index.ts' : `../../src/entries/${entrata}.ts`);
const tag = q.get('elemento');
if (tag) {
  const el = document.createElement(tag);
  for (const [k, v] of q) if (!['entrata', 'elemento'].includes(k)) el.setAttribute(k, v);
  document.body.append(el);
  await (el as HTMLElement & { updateComplete?: Promise<boolean> }).updateComplete;
  w.elemento = el;
}
w.pronta = true;
export {};
