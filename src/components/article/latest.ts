/**
 * Fills "Berita Terkini" (LatestBox.astro) from /terkini.json. A failed read is tried once
 * more (a phone's connection drops for a moment); if that fails too, the box says the list
 * could not be loaded, in the room the list would have had.
 */
import type { LatestItem } from '../../lib/latest-feed.ts';

const RETRY_AFTER_MS = 1500;

export async function fillLatestBox(box: HTMLElement, endpoint = '/terkini.json'): Promise<void> {
  const list = box.querySelector<HTMLElement>('[data-latest-list]')!;
  let items = await read(endpoint);
  if (!items) {
    await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_MS));
    items = await read(endpoint);
  }
  if (items) {
    // An empty list (a feed older than the page) leaves the room empty: nothing failed.
    const shown = items.filter((item) => item.id !== box.dataset.articleId && typeof item.url === 'string').slice(0, Number(box.dataset.shown ?? 5));
    list.replaceChildren(...shown.map(row));
  } else {
    list.hidden = true;
    const notice = box.querySelector<HTMLElement>('[data-latest-unavailable]')!;
    notice.textContent = notice.dataset.latestUnavailable ?? '';
  }
  list.removeAttribute('aria-busy');
}

/** The feed, or undefined when it cannot be read (offline, an error answer, not JSON). */
async function read(endpoint: string): Promise<LatestItem[] | undefined> {
  try {
    const response = await fetch(endpoint, { headers: { Accept: 'application/json' } });
    if (!response.ok) return undefined;
    const items: unknown = await response.json();
    return Array.isArray(items) ? (items as LatestItem[]) : undefined;
  } catch {
    return undefined;
  }
}

function row(item: LatestItem): HTMLLIElement {
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
}
