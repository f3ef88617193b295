/** Fills "Berita Terkini" (LatestBox.astro) from /terkini.json; on any failure the box is hidden. */
import type { LatestItem } from '../../lib/latest-feed.ts';

export async function fillLatestBox(box: HTMLElement, endpoint = '/terkini.json'): Promise<void> {
  const list = box.querySelector<HTMLElement>('[data-latest-list]')!;
  if (!(await fill(box, list, endpoint))) box.hidden = true;
  list.removeAttribute('aria-busy');
}

async function fill(box: HTMLElement, list: HTMLElement, endpoint: string): Promise<boolean> {
  try {
    const response = await fetch(endpoint, { headers: { Accept: 'application/json' } });
    if (!response.ok) return false;
    const items = ((await response.json()) as LatestItem[])
      .filter((item) => item.id !== box.dataset.articleId && typeof item.url === 'string')
      .slice(0, Number(box.dataset.shown ?? 5));
    if (items.length === 0) return false;
    list.replaceChildren(
      ...items.map((item) => {
        const li = document.createElement('li');
        const meta = document.createElement('p');
        meta.className = 'card__meta';
        const time = document.createElement('time');
        time.dateTime = item.datetime;
        time.textContent = item.time;
        meta.append(`${item.category} · `, time);
        const link = document.createElement('a');
        link.href = item.url;
        link.textContent = item.title; // text, never HTML
        li.append(meta, link);
        return li;
      }),
    );
    return true;
  } catch {
    // Offline or no list: the article reads fine without it.
    return false;
  }
}
