/**
 * Browsers keep what is typed into form fields in their own unencrypted files: autofill
 * history ("Web Data"), password-manager records ("Login Data"), and session-restore state
 * ("Sessions/"), which in browser mode would put case data on disk in the clear. Blink keeps
 * none of these for a field whose autocomplete is off, so every form field of the app gets
 * autocomplete="off" here, in one place, rather than each form having to remember it. The
 * no-plaintext end-to-end tests are what catch a field that slips through.
 */
const FIELDS = 'input, textarea, select, form';

function seal(node: Node): void {
  if (!(node instanceof Element)) return;
  const elements = node.matches(FIELDS) ? [node] : [];
  elements.push(...node.querySelectorAll(FIELDS));
  for (const element of elements) {
    if (element.getAttribute('autocomplete') !== 'off') element.setAttribute('autocomplete', 'off');
  }
}

/** Applies to the fields under root now and to every field added later; returns a stop function. */
export function keepFieldsOutOfBrowserStores(root: Element): () => void {
  seal(root);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') seal(record.target);
      else record.addedNodes.forEach(seal);
    }
  });
  observer.observe(root, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['autocomplete'],
  });
  return () => observer.disconnect();
}
