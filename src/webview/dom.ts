// The one way this webview makes elements: text only ever goes in through textContent (and
// attributes through setAttribute), never through innerHTML, so corpus text is shown literally.

export interface Props {
  class?: string;
  id?: string;
  text?: string;
  attrs?: Record<string, string>;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, children: Node[] = []): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.class) element.className = props.class;
  if (props.id) element.id = props.id;
  if (props.text !== undefined) element.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) element.setAttribute(name, value);
  for (const child of children) element.appendChild(child);
  return element;
}

/** Calls `fn` at most once per animation frame. */
export function perFrame(fn: () => void): () => void {
  let queued = false;
  return () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      fn();
    });
  };
}

/** The first element that takes the Tab key's focus after `element` and outside it (document order). */
export function nextTabStop(element: Element): HTMLElement | undefined {
  for (const candidate of document.querySelectorAll<HTMLElement>('button, input, select, [tabindex]')) {
    if (candidate.tabIndex < 0 || (candidate as HTMLButtonElement).disabled || candidate.offsetParent === null) continue;
    const position = element.compareDocumentPosition(candidate);
    if (position & Node.DOCUMENT_POSITION_FOLLOWING && !(position & Node.DOCUMENT_POSITION_CONTAINED_BY)) return candidate;
  }
  return undefined;
}

/** A pane's button (Save CSV…, Save PNG…): `title` says what it does; off until `enabled`. */
export function paneButton(id: string, text: string, title: string, onClick: () => void, enabled = false): HTMLButtonElement {
  const button = h('button', { class: 'pane-button', id, text, attrs: { type: 'button', title } });
  button.disabled = !enabled;
  button.addEventListener('click', onClick);
  return button;
}
