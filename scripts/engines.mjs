// The engines the browser suite knows, and which of them this run uses. No dependency: runs before `npm ci`.
export const PACCHETTI = {
  chromium: { bin: '/usr/bin/chromium', deb: ['chromium'] },
};
export const ENGINES = Object.keys(PACCHETTI);

/** ASSISTENZA_BROWSER=chromium|firefox|webkit (comma separated, or "all") picks; by default every engine. */
export function scelti() {
  const v = process.env.ASSISTENZA_BROWSER;
  if (!v || v === 'all') return ENGINES;
  const s = v.split(',').map((x) => x.trim());
  for (const x of s) if (!ENGINES.includes(x)) throw new Error(`ASSISTENZA_BROWSER: unknown engine "${x}" (use ${ENGINES.join(', ')} or all)`);
  return s;
}
