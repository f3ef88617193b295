import fs from 'node:fs';
import path from 'node:path';
import * as yaml from 'js-yaml';
import { SiteSchema, type Site } from '../schemas/site.ts';
import { problemsFromZod, formatReport, type ContentProblem } from './content-problems.ts';

/** The content folder: `WARTA_CONTENT_DIR` (tests point it at fixture sites) or `content/`. */
export function contentDir(env: Record<string, string | undefined> = process.env, root = process.cwd()): string {
  return path.resolve(root, env.WARTA_CONTENT_DIR || 'content');
}

/** Parses `site.yaml`, returning the config or the problems that prevent it. */
export function parseSiteConfig(dir: string, root = process.cwd()): { site?: Site; problems: ContentProblem[] } {
  const file = path.join(dir, 'site.yaml');
  const relFile = path.relative(root, file).split(path.sep).join('/');
  let text = '';
  let raw: unknown = {};
  try {
    text = fs.readFileSync(file, 'utf8');
    raw = yaml.load(text, { schema: yaml.CORE_SCHEMA }) ?? {};
  } catch (error) {
    const e = error as { code?: string; mark?: { line: number }; reason?: string; message?: string };
    const reason = e.code === 'ENOENT' ? `${relFile} ✗` : (e.reason ?? e.message ?? String(error));
    return { problems: [{ file: relFile, line: e.mark ? e.mark.line + 1 : undefined, severity: 'error', key: 'error.yaml', params: { reason } }] };
  }
  const parsed = SiteSchema.safeParse(raw, { reportInput: true });
  if (parsed.success) return { site: parsed.data, problems: [] };
  return { problems: problemsFromZod(parsed.error.issues, { file: relFile, frontmatter: text, firstLine: 1, knownFields: Object.keys(SiteSchema.shape) }) };
}

/** The site config, or an error listing every problem in it (English and Indonesian alike read the file names). */
export function readSiteConfig(dir: string = contentDir(), root = process.cwd()): Site {
  const { site, problems } = parseSiteConfig(dir, root);
  if (!site) throw new Error(formatReport(problems, 'id'));
  return site;
}
