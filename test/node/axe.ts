// axe-core in a page of the demo, for the Node tests that drive it in Chromium: the WCAG 2.1 AA violations it finds.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';

const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Each violation as "rule: targets"; none on an accessible page. */
export async function violazioniAxe(pagina: Page): Promise<string[]> {
  // Evaluated, not a <script> tag: the console's CSP (script-src 'self') would refuse an inline one.
  await pagina.evaluate(await readFile('node_modules/axe-core/axe.min.js', 'utf8'));
  return pagina.evaluate(async (tag) => {
    const r = await (
      window as unknown as {
        axe: {
          run(c: unknown, o: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe.run(document, { runOnly: { type: 'tag', values: tag } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, WCAG_AA);
}
