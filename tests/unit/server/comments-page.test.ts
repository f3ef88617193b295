import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { COMPLAINT_REASONS } from '../../../src/schemas/complaint.ts';
import { translations } from '../../../src/i18n/translator.ts';
import { commentsPage } from '../../../src/server/http/comments-page.ts';
import { MESSAGES } from '../../../src/server/messages.ts';
import type { PublicComment } from '../../../src/server/service/thread.ts';

const article = { id: 'banjir-kertapati', title: 'Banjir <Kertapati>', url: '/2026/11/banjir-kertapati/' };
const comment = (id: string, name: string, replies: PublicComment[] = []): PublicComment => ({
  id,
  parentId: null,
  author: { name, website: null, newsroom: false },
  text: 'Semoga cepat surut.',
  createdAt: '2026-11-27T05:00:00.000Z',
  replies,
});

describe('the plain comments page', () => {
  const $ = cheerio.load(commentsPage(article, [comment('c1', 'Ani', [comment('c2', '<b>Budi</b>')])], 2, 'id'));

  it('gives every comment and reply its own report form, posting to the function with the story and the comment', () => {
    const forms = $('form');
    expect(forms.length).toBe(2);
    expect(forms.map((_, f) => $(f).attr('action')).get()).toEqual(['/api/complaints', '/api/complaints']);
    expect(forms.map((_, f) => $(f).attr('method')).get()).toEqual(['post', 'post']);
    expect(forms.map((_, f) => $(f).find('[name=commentId]').val()).get()).toEqual(['c1', 'c2']);
    expect(forms.map((_, f) => $(f).find('[name=articleId]').val()).get()).toEqual(['banjir-kertapati', 'banjir-kertapati']);
  });

  it('offers every complaint reason with its Indonesian label, and requires a reason and an explanation', () => {
    const options = $('form').first().find('select[name=reason] option');
    expect(options.map((_, o) => $(o).attr('value')).get()).toEqual(['', ...COMPLAINT_REASONS]);
    expect(options.eq(2).text()).toBe('SARA (suku, agama, ras, antargolongan)');
    expect($('form').first().find('select[name=reason]').attr('required')).toBeDefined();
    expect($('form').first().find('textarea[name=text]').attr('required')).toBeDefined();
    expect($('details').first().children('summary').text()).toBe('Laporkan');
  });

  it('shows a reader’s name as text, never as markup', () => {
    expect($('b').filter((_, b) => $(b).text() === 'Budi').length).toBe(0);
    expect($('body').text()).toContain('<b>Budi</b>');
    expect($('h1').text()).toContain('Banjir <Kertapati>');
  });
});

describe('the function’s report labels', () => {
  for (const locale of ['id', 'en'] as const) {
    it(`say the same as the article’s report form in ${locale}`, () => {
      const t = translations[locale];
      const m = MESSAGES[locale];
      expect([m.reportOpen, m.reportReason, m.reportChoose, m.reportText, m.reportContact, m.reportSubmit]).toEqual([
        t['report.open'],
        t['report.reason'],
        t['report.choose'],
        t['report.text'],
        t['report.contact'],
        t['report.submit'],
      ]);
      for (const reason of COMPLAINT_REASONS) expect(m.reasons[reason]).toBe(t[`complaints.reason.${reason}`]);
    });
  }
});
