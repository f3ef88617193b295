/**
 * Fills a "Terpopuler" box (PopularBox.astro) from GET /api/popular for today and for the
 * last 7 days. A period with no views is not offered; with none at all, or when the API
 * is absent or down, the box is hidden and the page reads fine without it.
 */
type Period = 'day' | 'week';

interface PopularItem {
  title: string;
  url: string;
  views: number;
}

async function load(period: Period, limit: number): Promise<PopularItem[]> {
  try {
    const response = await fetch(`/api/popular?period=${period}&limit=${limit}`, { headers: { Accept: 'application/json' } });
    if (!response.ok) return [];
    const body = (await response.json()) as { items?: Partial<PopularItem>[] };
    return (body.items ?? []).filter((i): i is PopularItem => typeof i.url === 'string' && typeof i.title === 'string' && typeof i.views === 'number');
  } catch {
    return [];
  }
}

function render(list: HTMLElement, items: PopularItem[], template: string, numbers: Intl.NumberFormat): void {
  list.replaceChildren(
    ...items.map((item) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = item.url;
      a.textContent = item.title; // text, never HTML
      const views = document.createElement('span');
      views.className = 'popular__views';
      views.textContent = template.replace('{count}', numbers.format(item.views));
      li.append(a, views);
      return li;
    }),
  );
}

export async function fillPopularBox(box: HTMLElement): Promise<void> {
  const list = box.querySelector<HTMLElement>('[data-popular-list]')!;
  const periods = box.querySelector<HTMLElement>('[data-popular-periods]')!;
  const limit = Number(box.dataset.limit ?? 5);
  const template = box.dataset.template ?? '{count}';
  const numbers = new Intl.NumberFormat(box.dataset.locale ?? document.documentElement.lang);
  // Laid out nowhere (the article rail on phones): nothing to fetch.
  if (box.getClientRects().length === 0) return;
  const [day, week] = await Promise.all([load('day', limit), load('week', limit)]);
  list.removeAttribute('aria-busy');
  if (day.length === 0 && week.length === 0) {
    box.hidden = true;
    return;
  }
  const lists: Record<Period, PopularItem[]> = { day, week };
  const buttons = [...periods.querySelectorAll<HTMLButtonElement>('button[data-period]')];
  const show = (period: Period) => {
    for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.period === period));
    render(list, lists[period], template, numbers);
  };
  // Both periods are offered only when both have readers; a quiet day shows the week.
  periods.hidden = day.length === 0;
  for (const b of buttons) b.addEventListener('click', () => show(b.dataset.period as Period));
  show(day.length > 0 ? 'day' : 'week');
}
