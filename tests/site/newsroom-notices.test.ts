import { describe, expect, it } from 'vitest';
import { loadPage, pageExists, readPage } from '../helpers/pages.ts';
import { sites } from '../helpers/sites.ts';

const site = sites.english;

describe('scheduled stories', () => {
  it('are absent from a build before their time and present in the first build after it', () => {
    expect(pageExists(sites.english, '/news/2024/03/05/future-festival/')).toBe(false);
    expect(pageExists(sites.englishLater, '/news/2024/03/05/future-festival/')).toBe(true);
    expect(readPage(sites.englishLater, '/')).toContain('/news/2024/03/05/future-festival/');
  });
});

describe('a corrected story', () => {
  const $ = loadPage(site, '/news/2024/02/20/bridge-reopens/');

  it('shows a dated correction notice', () => {
    expect($('.notice--correction').text()).toContain('Correction, Thursday, 22 February 2024 at 08:00 GMT+7:');
    expect($('.notice--correction').text()).toContain('they took eight');
  });

  it('publishes the correction as a schema.org CorrectionComment', () => {
    const ld = JSON.parse($('script[type="application/ld+json"]').text());
    expect(ld.correction).toEqual([
      { '@type': 'CorrectionComment', text: 'An earlier version said the repairs took six months; they took eight.', datePublished: '2024-02-22T08:00:00+07:00' },
    ]);
  });

  it('sets dateModified from updated and shows it', () => {
    const ld = JSON.parse($('script[type="application/ld+json"]').text());
    expect(ld.dateModified).toBe('2024-02-21T10:30:00+07:00');
  });
});

describe('right of reply', () => {
  it('links the reply from the original and the original from the reply', () => {
    const original = loadPage(site, '/news/2024/02/20/bridge-reopens/');
    expect(original('.notice--reply a').attr('href')).toBe('/news/2024/02/23/contractor-reply/');
    const reply = loadPage(site, '/news/2024/02/23/contractor-reply/');
    expect(reply('.notice--reply').text()).toContain('Right of reply to:');
    expect(reply('.notice--reply a').attr('href')).toBe('/news/2024/02/20/bridge-reopens/');
  });
});

describe('a retracted story', () => {
  const path = '/news/2024/02/15/market-fire-retracted/';

  it('keeps its URL with a retraction notice in place of the body', () => {
    const $ = loadPage(site, path);
    expect($('.notice--retracted h2').text()).toBe('This story has been retracted');
    expect($('.notice--retracted').text()).toContain('could not be verified');
    expect($('.article-body').length).toBe(0);
    expect($.html()).not.toContain('Retractedword');
  });

  it('leaves listings, feeds, the API catalogue and the search index', () => {
    for (const page of ['/', '/kategori/city/', '/tag/bridges/']) expect(readPage(site, page), page).not.toContain(path);
    expect(readPage(site, '/rss.xml')).not.toContain(path);
    expect(readPage(site, '/warta-articles.json')).not.toContain('market-fire-retracted');
    const $ = loadPage(site, path);
    expect($('[data-pagefind-body]').length).toBe(0);
  });

  it('keeps room in Berita Terkini for every listed story, none of which is itself', () => {
    // Four stories are listed on this site: a listed story's page keeps room for the three others.
    expect(loadPage(site, path)('[data-latest-box]').attr('data-shown')).toBe('4');
    expect(loadPage(site, '/news/2024/02/20/bridge-reopens/')('[data-latest-box]').attr('data-shown')).toBe('3');
  });
});
