import { describe, expect, test } from 'vitest';
import { commentText, mapComments } from '../../../../src/wordpress/convert/comments.ts';
import type { WxrComment } from '../../../../src/wordpress/read/wxr-reader.ts';

const c = (over: Partial<WxrComment>): WxrComment => ({ id: '1', author: 'Siti', email: 'Siti@Example.id', url: '', date: '2024-01-10 10:00:00', dateGmt: '2024-01-10 03:00:00', content: 'Halo', approved: '1', type: 'comment', parent: '0', userId: '0', ...over });
const mapping = { articleId: 'a', sourcePrefix: 'wordpress:x.id:', clock: { timeZone: 'Asia/Jakarta' }, newsroom: { userIds: new Set(['1']), emails: new Set(['redaksi@x.id']) } };

describe('WordPress comments', () => {
  test('keeps threads, statuses, emails and dates, parents before replies', () => {
    const { comments, skipped } = mapComments(
      [c({ id: '3', parent: '2', approved: '0' }), c({ id: '2', parent: '1', approved: 'spam' }), c({ id: '1' }), c({ id: '4', type: 'pingback' })],
      mapping,
    );
    expect(Object.fromEntries(skipped)).toEqual({ pingback: 1 });
    expect(comments.map((x) => [x.sourceId, x.parentSourceId, x.status])).toEqual([
      ['wordpress:x.id:1', null, 'approved'],
      ['wordpress:x.id:2', 'wordpress:x.id:1', 'spam'],
      ['wordpress:x.id:3', 'wordpress:x.id:2', 'pending'],
    ]);
    expect(comments[0]).toMatchObject({ authorEmail: 'siti@example.id', createdAt: '2024-01-10T03:00:00.000Z', authorKind: 'reader' });
  });

  test('reads a zero GMT date as local time in the site zone and marks newsroom replies', () => {
    const [x] = mapComments([c({ dateGmt: '0000-00-00 00:00:00', userId: '1' })], mapping).comments;
    expect(x).toMatchObject({ createdAt: '2024-01-10T03:00:00.000Z', authorKind: 'newsroom', authorEmail: null });
  });

  test("reads a zero GMT date at the export's own offset when it is known", () => {
    const [x] = mapComments([c({ dateGmt: '0000-00-00 00:00:00' })], { ...mapping, clock: { timeZone: 'Asia/Jakarta', offsetMinutes: 480 } }).comments;
    expect(x!.createdAt).toBe('2024-01-10T02:00:00.000Z');
  });

  test("takes a WordPress.com author's reply for the newsroom by the author's email (their user ids are not in the export)", () => {
    const [x] = mapComments([c({ email: 'Redaksi@X.id', userId: '188493130' })], mapping).comments;
    expect(x).toMatchObject({ authorKind: 'newsroom', authorEmail: null });
  });

  test('skips likes with pingbacks and trackbacks, and keeps an empty comment', () => {
    const { comments, skipped } = mapComments([c({ id: '1', type: 'like' }), c({ id: '2', type: 'trackback' }), c({ id: '3', content: '' })], mapping);
    expect(Object.fromEntries(skipped)).toEqual({ like: 1, trackback: 1 });
    expect(comments.map((x) => x.text)).toEqual(['…']);
  });

  test('stores plain text: tags stripped, line breaks kept, links with their URL', () => {
    expect(commentText('Satu<br />dua &amp; <a href="https://x.id">situs</a>\n<b>tiga</b>')).toBe('Satu\ndua & situs (https://x.id)\ntiga');
  });
});
