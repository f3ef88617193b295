/** Fills the "Terpopuler" box from the API; on any failure the box simply stays hidden. */
interface PopularItem {
  id: string;
  title: string;
  url: string;
  views: number;
}

export async function fillPopularBox(box: HTMLElement, endpoint = '/api/popular?period=week&limit=5'): Promise<void> {
  try {
    const response = await fetch(endpoint, { headers: { Accept: 'application/json' } });
    if (!response.ok) return;
    const body = (await response.json()) as { items?: PopularItem[] };
    const items = (body.items ?? []).filter((i) => typeof i.url === 'string' && typeof i.title === 'string');
    if (items.length === 0) return;
    const list = box.querySelector('[data-popular-list]')!;
    for (const item of items) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = item.url;
      a.textContent = item.title; // text, never HTML
      li.append(a);
      list.append(li);
    }
    box.hidden = false;
  } catch {
    // API absent or down: the front page reads fine without the box.
  }
}
