// The engines the browser suite knows, and which of them this run uses. No dependency: runs before `npm ci`.
// Each engine: the files it needs (`bin` is the browser itself) and the Debian packages that install them.
export const PACCHETTI = {
  chromium: { bin: '/usr/bin/chromium', deb: ['chromium'] },
  firefox: { bin: '/usr/bin/firefox-esr', deb: ['firefox-esr'] },
  // MiniBrowser comes with libwebkit2gtk-4.1-0, a dependency of the driver; it has no headless mode, hence Xvfb.
  webkit: {
    bin: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
    driver: '/usr/bin/WebKitWebDriver',
    xvfb: '/usr/bin/Xvfb',
    deb: ['webkit2gtk-driver', 'xvfb'],
  },
};
export const ENGINES = Object.keys(PACCHETTI);

/** Every file an engine needs: when one is missing, its packages are installed. */
export const file = (e) => ['bin', 'driver', 'xvfb'].map((k) => PACCHETTI[e][k]).filter(Boolean);

/** ASSISTENZA_BROWSER=chromium|firefox|webkit (comma separated, or "all") picks; by default every engine. */
export function scelti() {
  const v = process.env.ASSISTENZA_BROWSER;
  if (!v || v === 'all') return ENGINES;
  const s = v.split(',').map((x) => x.trim());
  for (const x of s)
    if (!ENGINES.includes(x))
      throw new Error(`ASSISTENZA_BROWSER: unknown engine "${x}" (use ${ENGINES.join(', ')} or all)`);
  return s;
}
