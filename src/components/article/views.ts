/**
 * View counts from the function (docs/comments-api.md): the article page posts its view
 * once and shows "1.553 Dilihat"; listing cards get theirs from one batch request.
 * Counts are an extra: on any failure the elements simply stay hidden.
 */

const BATCH_LIMIT = 100; // GET /api/views takes 1–100 ids

function show(el: HTMLElement, views: number): void {
  const numbers = new Intl.NumberFormat(el.dataset.locale ?? document.documentElement.lang);
  el.textContent = (el.dataset.template ?? '{count}').replace('{count}', numbers.format(views));
  el.hidden = false;
}

/** Resolves when the page is really shown: a prerendered page (Speculation Rules) has not been seen yet. */
function whenShown(): Promise<void> {
  const doc = document as Document & { prerendering?: boolean };
  if (!doc.prerendering) return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('prerenderingchange', () => resolve(), { once: true }));
}

/** Counts this page view (the API dedupes per visitor and day) and shows the total. */
export async function countArticleView(el: HTMLElement): Promise<void> {
  const id = el.dataset.articleId;
  if (!id) return;
  try {
    await whenShown();
    const response = await fetch(`/api/views/${encodeURIComponent(id)}`, { method: 'POST', headers: { Accept: 'application/json' } });
    if (!response.ok) return;
    const body = (await response.json()) as { views?: unknown };
    if (typeof body.views === 'number') show(el, body.views);
  } catch {
    // API absent or down: the byline reads fine without a count.
  }
}

/** Fills hidden card counts in batches of ids; a card with no views yet stays without a count. */
export async function fillCardViews(elements: HTMLElement[]): Promise<void> {
  const byId = new Map<string, HTMLElement[]>();
  for (const el of elements) {
    const id = el.dataset.articleId;
    if (!id || el.dataset.viewsRequested !== undefined) continue;
    el.dataset.viewsRequested = '';
    byId.set(id, [...(byId.get(id) ?? []), el]);
  }
  const ids = [...byId.keys()];
  for (let i = 0; i < ids.length; i += BATCH_LIMIT) {
    const chunk = ids.slice(i, i + BATCH_LIMIT);
    try {
      const response = await fetch(`/api/views?ids=${chunk.map(encodeURIComponent).join(',')}`, { headers: { Accept: 'application/json' } });
      if (!response.ok) return;
      const { views } = (await response.json()) as { views?: Record<string, unknown> };
      for (const id of chunk) {
        const count = views?.[id];
        if (typeof count === 'number' && count > 0) for (const el of byId.get(id)!) show(el, count);
      }
    } catch {
      return;
    }
  }
}

/** Counts for every card on the page, and for cards that "Muat lebih banyak" appends later. */
export function watchCardViews(selector = '[data-card-views]'): void {
  const pending = () => [...document.querySelectorAll<HTMLElement>(selector)].filter((el) => el.dataset.viewsRequested === undefined);
  void fillCardViews(pending());
  const observer = new MutationObserver(() => {
    const fresh = pending();
    if (fresh.length > 0) void fillCardViews(fresh);
  });
  for (const list of document.querySelectorAll('[data-listing]')) observer.observe(list, { childList: true });
}
