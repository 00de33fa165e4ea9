// Re-renders an element when the language it reads changes: a portal's language switcher, a bilingual municipality's
// site setting <html lang>. The nearest lang may sit on any ancestor, inside another component's shadow root too.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { linguaDi, type Lingua } from '../i18n/index.js';

type Host = ReactiveControllerHost & HTMLElement;

/** The connected elements and the language each last rendered in. */
const elementi = new Map<Host, Lingua>();
/** The roots already watched: the document and the shadow roots the elements sit in. */
const radici = new WeakSet<Node>();

let osservatore: MutationObserver | undefined;

/** Any lang changed somewhere watched: the elements whose own language it changed render again. */
function quandoCambia(): void {
  for (const [el, lingua] of elementi) {
    const ora = linguaDi(el);
    if (ora === lingua) continue;
    elementi.set(el, ora);
    el.requestUpdate();
  }
}

/** Watches every root between the element and the document: a lang on an ancestor in any of them counts. */
function osservaRadiciDi(el: Node): void {
  osservatore ??= new MutationObserver(quandoCambia);
  let radice = el.getRootNode();
  for (;;) {
    if (!radici.has(radice)) {
      radici.add(radice);
      osservatore.observe(radice, { attributes: true, attributeFilter: ['lang'], subtree: true });
    }
    if (!(radice instanceof ShadowRoot)) break;
    radice = radice.host.getRootNode();
  }
}

export class LinguaController implements ReactiveController {
  constructor(private host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    elementi.set(this.host, linguaDi(this.host));
    osservaRadiciDi(this.host);
  }

  hostDisconnected(): void {
    elementi.delete(this.host);
  }
}
