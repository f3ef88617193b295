/**
 * Wires Warta into Astro: validates all content before Astro starts (so every
 * problem is reported at once and the build fails), hands the article index to
 * the Markdown plugins, and writes build artefacts other parts need.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { loadContent, type ContentIndex } from '../lib/content-check.ts';
import { formatReport } from '../lib/content-problems.ts';
import { contentDir } from '../lib/site-config.ts';
import { resolveNow } from '../lib/dates.ts';
import { isPublished } from '../lib/publishing.ts';
import { createTranslator } from '../i18n/translator.ts';
import { createMarkdownPlugins } from '../markdown/plugins.ts';
import { sitemapRules } from '../lib/sitemap-rules.ts';

export interface Warta {
  content: ContentIndex;
  /** Options for @astrojs/sitemap: no noindex pages, lastmod from the articles. */
  sitemap: ReturnType<typeof sitemapRules>;
  markdownPlugins: ReturnType<typeof createMarkdownPlugins>;
  integration: AstroIntegration;
}

export function createWarta(root = process.cwd()): Warta {
  const dir = contentDir(process.env, root);
  const content = loadContent(dir, root);
  const { site } = content;
  const t = createTranslator(site.locale);
  const byId = new Map(content.articles.map((a) => [a.id, a]));

  const markdownPlugins = createMarkdownPlugins({
    siteUrl: site.url,
    bacaJugaLabel: t('article.readAlso'),
    lookup: (id) => {
      const a = byId.get(id);
      return a && { id, title: a.data.title, url: a.path };
    },
    knownIds: () => [...byId.keys()],
    datelineFor: (frontmatter) => {
      const location = content.locations.get(String(frontmatter.location ?? ''));
      // En dash (U+2013) as Indonesian portals print it: "Liputan ABN | PALEMBANG –".
      return location ? `${site.datelineLabel} | ${location.dateline} \u2013` : undefined;
    },
  });

  const integration: AstroIntegration = {
    name: 'warta',
    hooks: {
      'astro:config:setup': ({ command, logger, updateConfig }) => {
        // Drafts and scheduled stories are previewed by `astro dev` only. Decided by the
        // command, not by NODE_ENV/import.meta.env.DEV, which a test runner or host can change.
        updateConfig({ vite: { define: { __WARTA_PREVIEW_UNPUBLISHED__: JSON.stringify(command === 'dev') } } });
        const errors = content.problems.filter((p) => p.severity === 'error');
        const warnings = content.problems.length - errors.length;
        if (errors.length > 0) {
          const report = formatReport(errors, site.locale);
          // A build must never publish half-valid content; the dev server keeps running
          // so the journalist sees the report and can fix the file in place.
          if (command === 'build') throw new Error(report);
          logger.error(report);
        }
        // Warnings are advice; the build only counts them so its log stays readable.
        if (warnings > 0) logger.info(t('error.warningsOnly', { count: warnings }));
      },
      'astro:build:done': ({ dir: outDir, logger }) => {
        // The list of published ids lets the comment/view function refuse unknown articles
        // without a database of its own (see src/server).
        const now = resolveNow();
        const published = content.articles
          // Retracted stories keep their page but leave the API (no new views or comments).
          .filter((a) => isPublished(a.data, now) && !a.data.retracted)
          .map((a) => ({ id: a.id, title: a.data.title, url: a.path }));
        const out = fileURLToPath(outDir);
        fs.writeFileSync(path.join(out, 'warta-articles.json'), JSON.stringify(published));
        logger.info(`${published.length} articles published`);
      },
    },
  };

  const sitemap = sitemapRules(
    site.url,
    content.articles.map((a) => ({ path: a.path, date: a.data.date, updated: a.data.updated, aliases: a.data.aliases })),
    site.timeZone,
  );

  return { content, markdownPlugins, integration, sitemap };
}
