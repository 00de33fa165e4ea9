// A Vite build plugin: folds the white space of Lit's html`` and css`` templates, which minifiers leave alone as string
// content. Only static parts change; expressions are copied (their own nested templates folded in turn).

/** Folds one static part of a template. */
function piega(testo: string, tipo: string): string {
  if (tipo === 'css') {
    return testo
      .replace(/\/\*[^]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,>])\s*/g, '$1')
      .replace(/:\s+/g, ':')
      .replace(/([\s:(,-])0\.(\d)/g, '$1.$2')
      .replace(/;}/g, '}');
  }
  // HTML: white space with a line break between tags or text is one space to the browser.
  return testo.replace(/\s*\n\s*/g, ' ');
}

/** The end of an expression starting after `${`: the index of its closing brace. */
function fineEspressione(s: string, i: number): number {
  let prof = 0;
  for (; i < s.length; i++) {
    const c = s[i];
    if (c === '{') prof++;
    else if (c === '}') {
      if (prof-- === 0) return i;
    } else if (c === '"' || c === "'") {
      for (i++; s[i] !== c; i++) if (s[i] === '\\') i++;
    } else if (c === '`') i = fineTemplate(s, i + 1);
  }
  throw new Error('minifica-letterali: unterminated expression');
}

/** The index of the closing backtick of a template whose content starts at i. */
function fineTemplate(s: string, i: number): number {
  for (; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '`') return i;
    else if (s[i] === '$' && s[i + 1] === '{') i = fineEspressione(s, i + 2);
  }
  throw new Error('minifica-letterali: unterminated template');
}

export function minificaLetterali(s: string): string {
  let out = '';
  let da = 0;
  for (const m of s.matchAll(/\b(html|css|svg)`/g)) {
    if (m.index! < da) continue; // inside a template already handled
    const inizio = m.index! + m[0].length;
    const fine = fineTemplate(s, inizio);
    out += s.slice(da, inizio);
    // Static parts are folded, expressions recurse.
    let i = inizio;
    let statico = '';
    while (i < fine) {
      if (s[i] === '\\') {
        statico += s.slice(i, i + 2);
        i += 2;
      } else if (s[i] === '$' && s[i + 1] === '{') {
        const f = fineEspressione(s, i + 2);
        out += piega(statico, m[1]) + '${' + minificaLetterali(s.slice(i + 2, f)) + '}';
        statico = '';
        i = f + 1;
      } else statico += s[i++];
    }
    out += piega(statico, m[1]) + '`';
    da = fine + 1;
  }
  return out + s.slice(da);
}

export function minificaTemplate() {
  return {
    name: 'assistenza-minifica-letterali',
    apply: 'build' as const,
    enforce: 'pre' as const,
    transform(codice: string, id: string) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(html|css|svg)`/.test(codice)) return null;
      return { code: minificaLetterali(codice), map: null };
    },
  };
}

/**
 * Writes every non-ASCII character of the bundle as a \u escape. A classic script without a charset is decoded in the
 * page's encoding: an Ente's old windows-1252 site would show "lunedÃ¬". Escaped, the file reads the same in any
 * encoding (and, with these few accented letters, gzips slightly smaller). Escapes mean the same in the strings,
 * template literals and regular expressions where such characters occur.
 */
export function soloAscii() {
  return {
    name: 'assistenza-solo-ascii',
    apply: 'build' as const,
    // After minification (which would write the characters back).
    generateBundle(_: unknown, bundle: Record<string, { type: string; code?: string }>) {
      for (const f of Object.values(bundle)) {
        if (f.type === 'chunk')
          f.code = f.code!.replace(/[^\x00-\x7f]/gu, (c) => {
            const cp = c.codePointAt(0)!;
            return cp > 0xffff ? `\\u{${cp.toString(16)}}` : `\\u${cp.toString(16).padStart(4, '0')}`;
          });
      }
    },
  };
}
