import { isbot } from 'isbot';
import type { ServiceContext, Visitor } from './context.ts';
import { dayKey, dayKeyBefore } from './day.ts';
import { ApiError } from './errors.ts';
import { isId } from '../../schemas/id.ts';
import { requireArticle } from './require-article.ts';
import { visitorHash } from './visitor.ts';

export type Period = 'day' | 'week' | 'month';
const PERIOD_DAYS: Record<Period, number> = { day: 1, week: 7, month: 30 };

export function createViewService(ctx: ServiceContext) {
  let prunedFor = '';

  /** Drops yesterday's-and-older visitor hashes once per day per instance (privacy and size). */
  async function pruneOncePerDay(now: Date, today: string) {
    if (prunedFor === today) return;
    prunedFor = today;
    const oldestWindow = new Date(now.getTime() - 2 * 86_400_000).toISOString();
    await ctx.storage.prune(dayKeyBefore(now, ctx.settings.timeZone, 1), oldestWindow);
  }

  return {
    /**
     * Counts a view unless it comes from a bot, a prefetch, or a visitor already
     * counted today for this article. Always answers the current total.
     */
    async record(articleId: string, visitor: Visitor, prefetch: boolean) {
      await requireArticle(ctx, articleId);
      // No User-Agent at all is a script, not a reader.
      if (prefetch || !visitor.userAgent || isbot(visitor.userAgent)) {
        const totals = await ctx.storage.viewTotals([articleId]);
        return { id: articleId, views: totals.get(articleId) ?? 0, counted: false, reason: prefetch ? 'prefetch' : 'bot' };
      }
      const now = ctx.clock();
      const day = dayKey(now, ctx.settings.timeZone);
      await pruneOncePerDay(now, day);
      const result = await ctx.storage.recordView({
        articleId,
        day,
        visitor: visitorHash(ctx.settings.secret, day, visitor.ip, visitor.userAgent),
      });
      return { id: articleId, views: result.total, counted: result.counted, ...(result.counted ? {} : { reason: 'repeat' }) };
    },

    /** Totals for up to 100 ids; ids that are not published are left out. */
    async totals(ids: string[]) {
      const unique = [...new Set(ids)];
      if (unique.length === 0 || unique.length > 100) throw new ApiError(400, 'invalid_input', 'ids: give 1 to 100 comma-separated article ids');
      const bad = unique.find((id) => !isId(id));
      if (bad !== undefined) throw new ApiError(400, 'invalid_article_id', `ids: "${bad.slice(0, 50)}" is not an article id`);
      const known: string[] = [];
      for (const id of unique) if (await ctx.catalog.get(id)) known.push(id);
      const totals = await ctx.storage.viewTotals(known);
      return { views: Object.fromEntries(known.map((id) => [id, totals.get(id) ?? 0])) };
    },

    /** Most-read published articles over the last day (today), 7 or 30 days. */
    async popular(period: Period, limit: number) {
      const now = ctx.clock();
      const since = dayKeyBefore(now, ctx.settings.timeZone, PERIOD_DAYS[period] - 1);
      // Ask for extra rows so unpublished (removed) articles can be dropped without a short list.
      const rows = await ctx.storage.popular(since, limit + 20);
      const items = [];
      for (const row of rows) {
        const article = await ctx.catalog.get(row.articleId);
        if (article) items.push({ id: article.id, title: article.title, url: article.url, views: row.views });
        if (items.length === limit) break;
      }
      return { period, since, items };
    },
  };
}
