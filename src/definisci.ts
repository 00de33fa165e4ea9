// The one way a tag is defined: guarded, so that two bundles or entries on one page (the phone banner's and the
// portal's, say) never clash; the first definition stays.
export function definisci(tag: string, classe: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, classe);
}
