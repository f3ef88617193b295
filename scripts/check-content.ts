/**
 * `npm run check`: validates all content without building, with the same schemas
 * and messages as the build. Exits 1 when there are errors.
 * Options: `--lang en` for English messages; WARTA_CONTENT_DIR for another content folder.
 */
import { parseArgs } from 'node:util';
import { loadContent } from '../src/lib/content-check.ts';
import { formatReport } from '../src/lib/content-problems.ts';
import { contentDir } from '../src/lib/site-config.ts';

const { values } = parseArgs({ options: { lang: { type: 'string' } } });
if (values.lang !== undefined && values.lang !== 'id' && values.lang !== 'en') {
  console.error(`[warta] --lang must be "id" or "en", got "${values.lang}"`);
  process.exit(2);
}
const index = loadContent(contentDir());
const locale = (values.lang as 'id' | 'en' | undefined) ?? index.site.locale;
if (index.problems.length > 0) console.log(formatReport(index.problems, locale));
if (index.problems.some((p) => p.severity === 'error')) process.exit(1);
console.log(`[warta] ${index.articles.length} articles OK`);
