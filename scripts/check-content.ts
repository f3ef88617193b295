/**
 * `npm run check`: validates all content without building, with the same schemas
 * and messages as the build. Prints every problem (errors, then warnings) and exits 1
 * when there are errors. Under GitHub Actions it also prints workflow annotations so
 * mistakes show on the pull request's lines.
 *
 * Options: `--lang en` for English messages (default: the site's language).
 * Environment: WARTA_CONTENT_DIR for another content folder.
 */
import { parseArgs } from 'node:util';
import { loadContent } from '../src/lib/content-check.ts';
import { formatReport, githubAnnotation } from '../src/lib/content-problems.ts';
import { contentDir } from '../src/lib/site-config.ts';
import { createTranslator } from '../src/i18n/translator.ts';

let values: { lang?: string };
try {
  ({ values } = parseArgs({ options: { lang: { type: 'string' } } }));
} catch (error) {
  console.error(`[warta] ${(error as Error).message}. Usage: npm run check [-- --lang en]`);
  process.exit(2);
}
if (values.lang !== undefined && values.lang !== 'id' && values.lang !== 'en') {
  console.error(`[warta] --lang must be "id" or "en", got "${values.lang}"`);
  process.exit(2);
}

const index = loadContent(contentDir());
const locale = (values.lang as 'id' | 'en' | undefined) ?? index.site.locale;
const t = createTranslator(locale);
const errors = index.problems.filter((p) => p.severity === 'error');
const warnings = index.problems.length - errors.length;

if (index.problems.length > 0) console.log(formatReport(index.problems, locale));
if (process.env.GITHUB_ACTIONS === 'true') for (const p of index.problems) console.log(githubAnnotation(p, locale));
if (errors.length === 0) console.log(`[warta] ${t('check.ok', { count: index.articles.length })}${warnings ? ` (${t('check.warnings', { count: warnings })})` : ''}`);
process.exit(errors.length > 0 ? 1 : 0);
