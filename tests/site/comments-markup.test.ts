import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { loadPage, readPage, textOf } from '../helpers/pages.ts';
import { outDir, sites } from '../helpers/sites.ts';

const site = sites.demo;
const articleId = 'polda-sumsel-zoom-meeting-manajemen-citra-polri';
const articlePath = `/2023/07/${articleId}/`;
const EMAIL = /[\w.+-]+@[\w-]+\.[\w.-]+/;

describe('the comment section of an article page', () => {
  const $ = loadPage(site, articlePath);
  const section = $('#komentar');
  const form = section.find('form');

  it('mounts on #komentar for the script and stays out of the search index', () => {
    expect(section.is('[data-comments-mount][data-pagefind-ignore]')).toBe(true);
    expect(section.attr('data-article-id')).toBe(articleId);
  });

  it('asks for a reply with the WordPress wording readers know', () => {
    expect(section.find('h3').first().text()).toBe('Tinggalkan Balasan');
    expect(textOf($, '#komentar form')).toContain('Alamat email Anda tidak akan dipublikasikan. Ruas yang wajib ditandai *');
  });

  it('is a plain form that posts to the function without JavaScript', () => {
    expect(form.attr('method')).toBe('post');
    expect(form.attr('action')).toBe(`/api/comments/${articleId}`);
    expect(form.find('button[type=submit]').text()).toBe('Kirim Komentar');
  });

  it('labels every field, marks the required ones and helps autofill', () => {
    const field = (name: string) => {
      const input = form.find(`[name="${name}"]`);
      return { input, label: form.find(`label[for="${input.attr('id')}"]`).text().replace(/\s+/g, ' ').trim() };
    };
    expect(field('name').label).toBe('Nama *');
    expect(field('email').label).toBe('Email *');
    expect(field('website').label).toBe('Situs web');
    expect(field('text').label).toBe('Komentar *');
    for (const name of ['name', 'email', 'text']) expect(field(name).input.attr('required'), name).toBeDefined();
    expect(field('website').input.attr('required')).toBeUndefined();
    expect(field('email').input.attr('type')).toBe('email');
    expect(field('website').input.attr('type')).toBe('url');
    expect([field('name'), field('email'), field('website')].map((f) => f.input.attr('autocomplete'))).toEqual(['name', 'email', 'url']);
    expect(field('text').input.is('textarea')).toBe(true);
  });

  it('sends only fields the API accepts (it refuses unknown ones)', () => {
    const names = form.find('[name]').map((_, el) => $(el).attr('name')).get();
    expect(names.sort()).toEqual(['acceptRules', 'company', 'email', 'name', 'parentId', 'rules', 'text', 'website']);
    expect(form.find('[name=parentId]').attr('type')).toBe('hidden');
  });

  it('asks the reader to accept the comment rules, linking the rules page and naming its version', () => {
    const box = form.find('input[name=acceptRules]');
    expect([box.attr('type'), box.attr('value'), box.attr('required')]).toEqual(['checkbox', 'on', 'required']);
    const label = form.find(`label[for="${box.attr('id')}"]`);
    expect(label.text().replace(/\s*\*$/, '')).toBe('Saya menyetujui aturan komentar');
    expect(label.find('a').attr('href')).toBe('/aturan-komentar/');
    expect(form.find('input[name=rules]').attr('value')).toMatch(/^\/aturan-komentar\/\?v=[0-9a-f]{10}$/);
  });

  it('hides the honeypot from people without display:none alone', () => {
    const trap = form.find('[name=company]');
    expect(trap.attr('tabindex')).toBe('-1');
    expect(trap.attr('autocomplete')).toBe('off');
    expect(trap.attr('value')).toBe('');
    expect(trap.attr('hidden')).toBeUndefined();
    expect(trap.attr('type')).toBe('text');
    expect(trap.closest('[aria-hidden=true]').length).toBe(1);
    expect(form.find(`label[for="${trap.attr('id')}"]`).text()).toBe('Jangan isi ruas ini');
  });

  it('has a message for each outcome of the no-JavaScript post, named by the redirect fragment', () => {
    expect(section.find('#komentar-pending').text()).toBe('Komentar Anda menunggu moderasi.');
    expect(section.find('#komentar-approved').text()).toBe('Komentar Anda sudah terbit.');
    expect(section.find('#komentar-error').text()).toBe('Komentar Anda belum terkirim. Periksa isian Anda lalu coba lagi.');
  });

  it('links readers without JavaScript to the approved comments as a plain page', () => {
    const noscript = section.find('noscript');
    expect(noscript.length).toBe(1);
    // cheerio keeps noscript content as text; parse it as a browser without JavaScript would.
    const link = cheerio.load(noscript.html() ?? '')('a');
    expect([link.attr('href'), link.text()]).toEqual([`/api/comments/${articleId}/html`, 'Baca komentar yang sudah terbit']);
  });

  it('shows no email address anywhere on the article page', () => {
    expect(readPage(site, articlePath)).not.toMatch(EMAIL);
  });
});

describe('the moderation page', () => {
  const $ = loadPage(site, '/moderasi/');

  it('is built in the site language and kept out of search engines', () => {
    expect($('html').attr('lang')).toBe('id');
    expect($('h1').text()).toBe('Moderasi Komentar');
    expect($('meta[name=robots]').attr('content')).toMatch(/noindex/);
    expect($('label[for=editor-token]').text()).toBe('Token editor');
  });

  it('is left out of the sitemaps and the search index', () => {
    const sitemaps = fs.globSync('*.xml', { cwd: outDir(site) }).map((f) => fs.readFileSync(path.join(outDir(site), f), 'utf8'));
    expect(sitemaps.length).toBeGreaterThan(0);
    for (const xml of sitemaps) expect(xml).not.toContain('/moderasi/');
    expect($('[data-pagefind-body]').length).toBe(0);
  });

  it('offers the four queues as tabs', () => {
    expect($('[role=tab]').map((_, el) => $(el).text()).get()).toEqual(['Menunggu', 'Disetujui', 'Spam', 'Ditolak']);
  });

  it('contains no email address', () => {
    expect(readPage(site, '/moderasi/')).not.toMatch(EMAIL);
  });

  it('is in English on an English site', () => {
    const en = loadPage(sites.english, '/moderasi/');
    expect(en('h1').text()).toBe('Comment Moderation');
    expect(en('[role=tab]').map((_, el) => en(el).text()).get()).toEqual(['Pending', 'Approved', 'Spam', 'Rejected']);
  });
});
