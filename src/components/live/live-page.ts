/**
 * An open live page follows the coverage without a reload: while the reader's clock is
 * between the story's start and end it fetches the small JSON the build writes
 * (`/langsung/<id>.json`, see src/pages/langsung/[id].json.ts) every `pollSeconds`, and puts
 * updates it has not shown yet in their place, newest first. At the end it stops asking
 * and says the coverage has ended. The updates' HTML is the build's own rendering of the
 * story, from the same origin as the page.
 */
interface LiveJson {
  updates: { id: string; datePublished: string; html?: string }[];
}

/** Timers longer than 2^31 ms fire at once, so far-off waits are taken a day at a time. */
const DAY = 86_400_000;

export function followLiveCoverage(el: HTMLElement): void {
  const url = el.dataset.liveJson;
  const start = Date.parse(el.dataset.liveStart ?? '');
  const end = Date.parse(el.dataset.liveEnd ?? '');
  const interval = Math.max(1, Number(el.dataset.pollSeconds) || 45) * 1000;
  const status = el.querySelector<HTMLElement>('[data-live-status]');
  const ended = el.querySelector<HTMLElement>('[data-live-ended]');
  if (!url || Number.isNaN(end)) return;

  const finish = () => {
    if (ended) ended.hidden = false;
  };

  const section = (): HTMLElement => {
    let found = document.querySelector<HTMLElement>('[data-live-updates]');
    if (!found) {
      // A story whose first update has not been written yet has no section: make it as the build would.
      found = document.createElement('section');
      found.className = 'live-updates';
      found.dataset.liveUpdates = '';
      const title = document.createElement('h2');
      title.className = 'live-updates__title';
      title.textContent = el.dataset.label ?? '';
      found.append(title);
      (document.querySelector('.article-body') ?? el).append(found);
    }
    return found;
  };

  const show = (updates: LiveJson['updates']) => {
    let added = 0;
    // Oldest first, each before the first shown update older than it: the list stays newest first.
    for (const update of [...updates].reverse()) {
      if (!update.html || document.getElementById(update.id)) continue;
      const template = document.createElement('template');
      template.innerHTML = update.html;
      const node = template.content.firstElementChild;
      if (!node) continue;
      const box = section();
      const time = Date.parse(update.datePublished);
      const older = Array.from(box.querySelectorAll<HTMLElement>(':scope > .live-update')).find((a) => Date.parse(a.dataset.updateTime ?? '') < time);
      box.insertBefore(node, older ?? null);
      added++;
    }
    if (added > 0 && status) status.textContent = (el.dataset.newTemplate ?? '{count}').replace('{count}', String(added));
  };

  const poll = async () => {
    if (Date.now() >= end) return finish();
    if (Date.now() < start) {
      setTimeout(poll, Math.min(start - Date.now(), DAY));
      return;
    }
    // A hidden tab asks nothing; it catches up on its next turn once visible.
    if (!document.hidden) {
      try {
        const response = await fetch(url, { cache: 'no-store', headers: { Accept: 'application/json' } });
        if (response.ok) show(((await response.json()) as LiveJson).updates ?? []);
      } catch {
        // Offline or mid-deploy: the next turn tries again.
      }
    }
    const now = Date.now();
    if (now >= end) return finish();
    setTimeout(poll, Math.min(interval, end - now));
  };

  setTimeout(poll, Math.min(interval, Math.max(0, end - Date.now())));
}
