import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { translations } from '../../src/i18n/translator.ts';
import { htmlFiles, loadPage, readPage, textOf } from '../helpers/pages.ts';
import { sites } from '../helpers/sites.ts';

const site = sites.english;

/** Fixed fragments of every Indonesian UI string the pages can show (placeholders removed). */
function indonesianFragments(): string[] {
  const uiKeys = Object.keys(translations.id).filter((k) => !/^(error|registry|type)\./.test(k));
  const fragments = new Set<string>();
  for (const key of uiKeys) {
    const id = translations.id[key as keyof typeof translations.id];
    const en = translations.en[key as keyof typeof translations.en];
    if (id === en) continue;
    for (const part of id.split(/\{\w+\}/)) {
      const trimmed = part.trim();
      if (trimmed.length >= 3) fragments.add(trimmed);
    }
  }
  // A fragment that English uses too (e.g. "Tag" in "Tag: {name}") proves nothing.
  const english = Object.values(translations.en).join('\n');
  return [...fragments].filter((f) => !new RegExp(`(^|[^\\p{L}])${escape(f)}([^\\p{L}]|$)`, 'u').test(english));
}

/** What a reader sees or hears: text, plus attributes such as aria-label, alt, placeholder and UI templates (not URLs or ids). */
function humanText(html: string): string {
  const $ = cheerio.load(html);
  $('script, style').remove();
  const machine = new Set(['href', 'src', 'srcset', 'action', 'class', 'id', 'for', 'rel', 'type', 'name', 'lang', 'property', 'data-next', 'data-embed-src', 'data-article-id']);
  const attrs = $('*')
    .toArray()
    .flatMap((el) => Object.entries((el as unknown as { attribs: Record<string, string> }).attribs ?? {}))
    .filter(([name, value]) => !machine.has(name) && !/^(https?:)?\//.test(value))
    .map(([, value]) => value);
  return [$.root().text(), ...attrs].join('\n');
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('a site configured in English', () => {
  it('shows no Indonesian UI string on any page', () => {
    const fragments = indonesianFragments();
    expect(fragments).toContain('Dilihat');
    for (const file of htmlFiles(site)) {
      const shown = humanText(readPage(site, `/${file}`.replace(/index\.html$/, '')));
      for (const fragment of fragments) {
        expect(shown, `${file} shows "${fragment}"`).not.toMatch(new RegExp(`(^|[^\\p{L}])${escape(fragment)}([^\\p{L}]|$)`, 'u'));
      }
    }
  });

  it('dates the byline in English and sets lang="en"', () => {
    const $ = loadPage(site, '/news/2024/02/20/bridge-reopens/');
    expect($('html').attr('lang')).toBe('en');
    expect($('.byline time').first().text()).toBe('Tuesday, 20 February 2024 at 09:00 GMT+7');
    expect($('.byline').text()).toContain('Updated Wednesday, 21 February 2024 at 10:30 GMT+7');
    expect($('.editor-line').text()).toBe('Editor: Cara Editor');
  });

  it('uses the configured permalink pattern', () => {
    expect(htmlFiles(site)).toContain('news/2024/02/20/bridge-reopens/index.html');
  });

  it('reads a date-only value as midnight in the site zone', () => {
    const $ = loadPage(site, '/news/2024/02/10/bridge-repairs-begin/');
    expect($('.byline time').first().attr('datetime')).toBe('2024-02-10T00:00:00+07:00');
  });

  it('redirects an alias to the article', () => {
    const $ = loadPage(site, '/2024/02/20/bridge-reopens/');
    expect($('meta[http-equiv=refresh]').attr('content')).toBe('0; url=/news/2024/02/20/bridge-reopens/');
    expect($('link[rel=canonical]').attr('href')).toBe('https://courier.example/news/2024/02/20/bridge-reopens/');
    expect($('meta[name=robots]').attr('content')).toBe('noindex');
  });

  it('renders remote images at their given size, with captions as figures', () => {
    const $ = loadPage(site, '/news/2024/02/20/bridge-reopens/');
    const cover = $('figure.cover img');
    expect(cover.attr('src')).toBe('https://images.example/bridge.jpg');
    expect([cover.attr('width'), cover.attr('height')]).toEqual(['1200', '675']);
    const figure = $('.article-body figure');
    expect(figure.find('img').attr('src')).toBe('https://images.example/railings.jpg');
    expect(figure.find('img').attr('loading')).toBe('lazy');
    expect(figure.find('figcaption').text()).toBe('Workers painted the railings last week.');
  });

  it('marks external links noopener and leaves internal links alone', () => {
    const $ = loadPage(site, '/news/2024/02/20/bridge-reopens/');
    expect($('.article-body a[href="https://city.example/bridge"]').attr('rel')).toBe('noopener');
    expect($('.article-body a[href="/news/2024/02/10/bridge-repairs-begin/"]').first().attr('rel')).toBeUndefined();
  });

  it('keeps colons in prose as typed', () => {
    const $ = loadPage(site, '/news/2024/02/20/bridge-reopens/');
    expect(textOf($, '.article-body')).toContain('The meeting starts at 10:30 in the town hall.');
  });

  it('credits the photographer from the people registry', () => {
    const $ = loadPage(site, '/news/2024/02/20/bridge-reopens/');
    expect($('.cover__credit').text()).toBe('Photo: Ben Reporter');
  });
});
