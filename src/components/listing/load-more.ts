/**
 * Progressive enhancement for listings: hides the page links and appends the
 * next static page's cards in place. The URL follows the last page loaded
 * (history.replaceState), so a shared or reloaded link shows those stories.
 */
export function enhanceLoadMore(root: HTMLElement): void {
  const list = root.querySelector<HTMLUListElement>('[data-listing]');
  const box = root.querySelector<HTMLElement>('[data-load-more]');
  const button = box?.querySelector<HTMLButtonElement>('button');
  const end = root.querySelector<HTMLElement>('[data-load-more-end]');
  if (!list || !box || !button || !end) return;

  const label = button.textContent ?? '';
  root.querySelector<HTMLElement>('[data-pagination]')?.setAttribute('hidden', '');
  box.hidden = false;

  button.addEventListener('click', async () => {
    const next = button.dataset.next;
    if (!next) return;
    button.disabled = true;
    button.textContent = button.dataset.loading ?? label;
    try {
      const response = await fetch(next, { headers: { Accept: 'text/html' } });
      if (!response.ok) throw new Error(String(response.status));
      const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
      const items = doc.querySelectorAll('[data-listing] > li');
      list.append(...Array.from(items, (item) => document.adoptNode(item)));
      history.replaceState(history.state, '', next);
      const following = doc.querySelector<HTMLButtonElement>('[data-load-more] button')?.dataset.next;
      if (following) {
        button.dataset.next = following;
        button.textContent = label;
        button.disabled = false;
      } else {
        box.hidden = true;
        end.hidden = false;
      }
      // Move focus to the first new story so keyboard and screen-reader users continue from there.
      (items[0]?.querySelector('a[href]') as HTMLElement | null)?.focus();
    } catch {
      button.textContent = button.dataset.failed ?? label;
      button.disabled = false;
    }
  });
}
