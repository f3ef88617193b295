import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { outDir, type FixtureSite } from './sites.ts';

/** The built HTML of a site-relative path such as `/2023/07/x/`. */
export function readPage(site: FixtureSite, urlPath: string): string {
  return fs.readFileSync(path.join(outDir(site), urlPath, urlPath.endsWith('/') ? 'index.html' : ''), 'utf8');
}

export function loadPage(site: FixtureSite, urlPath: string) {
  return cheerio.load(readPage(site, urlPath));
}

export function pageExists(site: FixtureSite, urlPath: string): boolean {
  return fs.existsSync(path.join(outDir(site), urlPath, 'index.html'));
}

/** Every built HTML file of a site, relative to its output folder. */
export function htmlFiles(site: FixtureSite): string[] {
  return fs.globSync('**/*.html', { cwd: outDir(site) }).sort();
}

/** Visible text with whitespace collapsed, as a reader (or a search index) would see it. */
export function textOf($: cheerio.CheerioAPI, selector = 'body'): string {
  const clone = $(selector).clone();
  clone.find('script, style').remove();
  return clone.text().replace(/\s+/g, ' ').trim();
}
