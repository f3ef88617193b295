/**
 * "LANGSUNG" badges follow the clock, not the build: a page built while a story was live
 * may be read after its coverage ended (no rebuild since), and one built before the start
 * may be read during it. Each badge carries its story's `start` and `end`; this shows it
 * only between the two and removes it at the end, with one timer for the next change.
 */
export function watchLiveBadges(root: ParentNode = document): void {
  const badges = Array.from(root.querySelectorAll<HTMLElement>('[data-live-badge]'));
  if (badges.length === 0) return;
  const update = () => {
    const now = Date.now();
    let next = Infinity;
    for (const badge of badges) {
      if (!badge.isConnected) continue;
      const start = Date.parse(badge.dataset.liveStart ?? '');
      const end = Date.parse(badge.dataset.liveEnd ?? '');
      if (!(now < end)) {
        badge.remove();
        continue;
      }
      badge.hidden = now < start;
      next = Math.min(next, now < start ? start : end);
    }
    // Timers longer than 2^31 ms fire at once; a far-off change is checked again daily instead.
    if (next !== Infinity) setTimeout(update, Math.min(next - now, 86_400_000));
  };
  update();
}
