import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ENGINES, type Engine } from './helpers/engines.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

const EMAIL = /[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/i;

async function withApp(engine: Engine, env: Record<string, string>, run: (t: TestApp) => Promise<void>) {
  const t = await createTestApp(engine, env);
  try {
    await run(t);
  } finally {
    await t.cleanup();
  }
}

describe.each(ENGINES)('comments on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.cleanup());

  describe('posting', () => {
    test('puts a new comment in the moderation queue and says so', async () => {
      const r = await t.request('/api/comments/banjir-palembang', {
        json: { name: 'Siti', email: 'siti@example.com', text: 'Semoga cepat surut.', acceptRules: true, token: await t.token('banjir-palembang') },
      });
      expect(r.status).toBe(201);
      const body = (await r.json()) as Record<string, unknown>;
      expect(body).toEqual({ id: expect.stringMatching(/^[a-z0-9]{20}$/), status: 'pending', message: 'Komentar Anda menunggu moderasi.' });
      expect(await t.storage.getComment(body.id as string)).toMatchObject({ status: 'pending', authorEmail: 'siti@example.com', text: 'Semoga cepat surut.' });
    });

    test('does not show pending comments in the public thread', async () => {
      expect(await (await t.request('/api/comments/banjir-palembang')).json()).toEqual({ articleId: 'banjir-palembang', count: 0, comments: [], next: null });
    });

    test('stores the text as plain text, trimmed, with Windows line ends folded', async () => {
      const id = await t.comment('banjir-palembang', { text: '  <b>tebal</b>\r\nbaris dua  ', name: '  Budi  ', email: ' BUDI@Example.COM ' }, '198.51.100.20');
      expect(await t.storage.getComment(id)).toMatchObject({ text: '<b>tebal</b>\nbaris dua', authorName: 'Budi', authorEmail: 'budi@example.com' });
    });

    test('refuses a comment on an article that is not published', async () => {
      const r = await t.request('/api/comments/tidak-ada', { json: { name: 'a', email: 'a@b.id', text: 'x' } });
      expect(r.status).toBe(404);
    });
  });

  describe('spam rules', () => {
    test('refuses a filled honeypot', async () => {
      const r = await t.request('/api/comments/banjir-palembang', {
        json: { name: 'Bot', email: 'bot@example.com', text: 'Beli', acceptRules: true, token: await t.token('banjir-palembang'), company: 'ACME' },
      });
      expect(r.status).toBe(400);
      expect(await r.json()).toEqual({ error: 'honeypot', message: 'company: this field must stay empty' });
    });

    test('requires a form token on JSON posts', async () => {
      const r = await t.request('/api/comments/banjir-palembang', { json: { name: 'Bot', email: 'bot@example.com', text: 'Halo', acceptRules: true } });
      expect(r.status).toBe(400);
      expect(await r.json()).toMatchObject({ error: 'token_required' });
    });

    test('refuses a post sent sooner than the minimum delay after the form was shown', async () => {
      const { token } = (await (await t.request('/api/comments/banjir-palembang/token')).json()) as { token: string };
      t.clock.advance(1);
      const r = await t.request('/api/comments/banjir-palembang', { json: { name: 'Cepat', email: 'c@example.com', text: 'Halo', acceptRules: true, token } });
      expect(r.status).toBe(429);
      expect(r.headers.get('retry-after')).toBe('2');
      expect(await r.json()).toEqual({ error: 'too_fast', message: 'sent too quickly after the form was shown; wait 2 seconds' });
    });

    test('refuses a token issued for another article, a forged one, and an expired one', async () => {
      const other = await t.token('pilkada-sumsel');
      const post = (token: string) => t.request('/api/comments/banjir-palembang', { json: { name: 'X', email: 'x@example.com', text: 'Halo', acceptRules: true, token } });
      expect(await (await post(other)).json()).toEqual({ error: 'bad_token', message: 'token: is not valid for this article' });
      expect((await post('1749524400.AAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(400);
      const old = await t.token('banjir-palembang');
      t.clock.advance(25 * 3600);
      expect(await (await post(old)).json()).toEqual({ error: 'bad_token', message: 'token: expired; reload the page' });
    });

    test('refuses a comment with more links than allowed', async () => {
      const r = await t.request('/api/comments/banjir-palembang', {
        json: { name: 'L', email: 'l@example.com', text: 'a https://a.id b http://b.id c www.c.id', acceptRules: true, token: await t.token('banjir-palembang') },
      });
      expect(r.status).toBe(422);
      expect(await r.json()).toEqual({ error: 'too_many_links', message: 'text: has 3 links, at most 2 allowed' });
    });

    test('refuses a comment longer than the limit', async () => {
      const r = await t.request('/api/comments/banjir-palembang', {
        json: { name: 'L', email: 'l@example.com', text: 'a'.repeat(4001), acceptRules: true, token: await t.token('banjir-palembang') },
      });
      expect(await r.json()).toMatchObject({ error: 'invalid_input', message: 'text: is too long (at most 4000 characters)' });
    });

    test('limits comments per IP per window, with the count kept in the database', async () => {
      await withApp(engine, { WARTA_COMMENT_RATE_MAX: '2', WARTA_COMMENT_RATE_WINDOW: '600' }, async (app) => {
        await app.comment('banjir-palembang', {}, '192.0.2.50');
        await app.comment('banjir-palembang', {}, '192.0.2.50');
        const json = { name: 'S', email: 's@example.com', text: 'lagi', acceptRules: true, token: await app.token('banjir-palembang') };
        const r = await app.request('/api/comments/banjir-palembang', { json, ip: '192.0.2.50' });
        expect(r.status).toBe(429);
        expect(await r.json()).toMatchObject({ error: 'rate_limited' });
        expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
        expect((await app.request('/api/comments/banjir-palembang', { json, ip: '192.0.2.51' })).status).toBe(201);
      });
    });
  });

  describe('thread', () => {
    let parent: string;
    let reply: string;
    let late: string;
    beforeAll(async () => {
      parent = await t.comment('pilkada-sumsel', { name: 'Pertama', text: 'Komentar pertama' }, '192.0.2.60');
      await t.admin(`/api/admin/comments/${parent}/approve`, { method: 'POST' });
      late = await t.comment('pilkada-sumsel', { name: 'Kedua', text: 'Komentar kedua' }, '192.0.2.61');
      await t.admin(`/api/admin/comments/${late}/approve`, { method: 'POST' });
      reply = await t.comment('pilkada-sumsel', { name: 'Balas', text: 'Setuju', parentId: parent }, '192.0.2.62');
      await t.admin(`/api/admin/comments/${reply}/approve`, { method: 'POST' });
    });

    test('nests approved replies under their parent, oldest first at each level', async () => {
      const r = await t.request('/api/comments/pilkada-sumsel');
      const body = (await r.json()) as { count: number; comments: Array<{ id: string; author: { name: string }; replies: Array<{ id: string }> }> };
      expect(body.count).toBe(3);
      expect(body.comments.map((c) => c.author.name)).toEqual(['Pertama', 'Kedua']);
      expect(body.comments[0]!.replies.map((c) => c.id)).toEqual([reply]);
      expect(body.comments[0]).toEqual({
        id: parent,
        parentId: null,
        author: { name: 'Pertama', website: null, newsroom: false },
        text: 'Komentar pertama',
        createdAt: expect.any(String),
        replies: [expect.objectContaining({ id: reply, parentId: parent })],
      });
    });

    test('refuses a reply to a comment that is not published on that article', async () => {
      const pending = await t.comment('pilkada-sumsel', {}, '192.0.2.63');
      for (const parentId of [pending, 'zzzzzzzz', parent]) {
        const article = parentId === parent ? 'banjir-palembang' : 'pilkada-sumsel';
        const r = await t.request(`/api/comments/${article}`, { json: { name: 'R', email: 'r@example.com', text: 'x', parentId, acceptRules: true, token: await t.token(article) }, ip: '192.0.2.64' });
        expect(await r.json()).toEqual({ error: 'unknown_parent', message: 'parentId: no published comment with this id on this article' });
      }
    });

    test('never returns an email address from any public endpoint', async () => {
      for (const path of ['/api/comments/pilkada-sumsel', '/api/comments/pilkada-sumsel/html', '/api/comments/banjir-palembang', '/api/popular', '/api/views?ids=pilkada-sumsel']) {
        expect(await (await t.request(path)).text()).not.toMatch(EMAIL);
      }
    });

    test('serves the approved comments as a plain escaped HTML page for readers without JavaScript', async () => {
      const id = await t.comment('harga-cabai', { name: '<i>Nama</i>', text: '<img src=x onerror=alert(1)>\nlihat https://pasar.id/harga?a=1&b=2.' }, '192.0.2.65');
      await t.admin(`/api/admin/comments/${id}/approve`, { method: 'POST' });
      const r = await t.request('/api/comments/harga-cabai/html');
      expect(r.headers.get('content-type')).toBe('text/html; charset=UTF-8');
      expect(r.headers.get('content-security-policy')).toContain("default-src 'none'");
      const html = await r.text();
      expect(html).toContain('<meta name="robots" content="noindex">');
      expect(html).toContain('&lt;i&gt;Nama&lt;/i&gt;');
      expect(html).toContain(
        '<p>&lt;img src=x onerror=alert(1)&gt;<br>lihat <a href="https://pasar.id/harga?a=1&amp;b=2" rel="nofollow ugc noopener">https://pasar.id/harga?a=1&amp;b=2</a>.</p>',
      );
      expect(html).not.toContain('<img');
      expect(html).toContain('<a href="/2024/06/harga-cabai/">');
    });
  });

  describe('a long thread, a page at a time', () => {
    // 250 top-level comments on one article, every tenth with a reply and a reply to that reply.
    const ids: string[] = [];
    let earlier = 0; // approved comments the tests above left on this article (posted later than these)
    beforeAll(async () => {
      earlier = await t.storage.countComments({ articleId: 'harga-cabai', status: 'approved' });
      const at = (n: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, n)).toISOString();
      const row = (id: string, n: number, parentId: string | null) => ({
        id, articleId: 'harga-cabai', parentId, authorName: `Pembaca ${n}`, authorEmail: `p${n}@example.com`, authorWebsite: null,
        authorKind: 'reader' as const, text: `Komentar ${n}`, status: 'approved' as const, createdAt: at(n), moderatedAt: null, moderatedBy: null, rulesAccepted: null,
      });
      for (let n = 0; n < 250; n++) {
        const id = `long${String(n).padStart(4, '0')}`;
        await t.storage.insertComment(row(id, n, null));
        ids.push(id);
        if (n % 10 === 0) {
          await t.storage.insertComment(row(`${id}r`, 1000 + n, id));
          await t.storage.insertComment(row(`${id}rr`, 2000 + n, `${id}r`));
          ids.push(`${id}r`, `${id}rr`);
        }
      }
    });

    test('reads every comment exactly once by following `next`, with the true count on every page', async () => {
      type Node = { id: string; replies: Node[] };
      const seen: string[] = [];
      const walk = (nodes: Node[]) => nodes.forEach((n) => (seen.push(n.id), walk(n.replies)));
      const sizes: number[] = [];
      let next: string | null = null;
      do {
        const r = await t.request(`/api/comments/harga-cabai${next ? `?after=${encodeURIComponent(next)}` : ''}`);
        const page = (await r.json()) as { count: number; comments: Node[]; next: string | null };
        expect(page.count).toBe(ids.length + earlier);
        sizes.push(page.comments.length);
        walk(page.comments);
        next = page.next;
      } while (next);
      expect(sizes).toEqual([100, 100, 50 + earlier]);
      expect(seen.filter((id) => id.startsWith('long'))).toEqual(ids);
      expect(seen).toHaveLength(ids.length + earlier);
    });

    test('takes a smaller page size, and refuses a cursor it did not make', async () => {
      const first = (await (await t.request('/api/comments/harga-cabai?limit=7')).json()) as { comments: unknown[]; next: string };
      expect(first.comments).toHaveLength(7);
      const bad = await t.request('/api/comments/harga-cabai?after=bm90LWEtY3Vyc29y');
      expect(bad.status).toBe(400);
      expect(await bad.json()).toEqual({ error: 'invalid_cursor', message: 'after: is not a cursor from a previous page (use `next` as given)' });
    });

    test('gives readers without JavaScript the true count and a link to the next page', async () => {
      const html = await (await t.request('/api/comments/harga-cabai/html')).text();
      expect(html).toContain(`(${ids.length + earlier})</h1>`);
      const href = /<a href="([^"]+)" rel="next">Muat komentar lainnya<\/a>/.exec(html)![1]!.replaceAll('&amp;', '&');
      const second = await (await t.request(`/api/comments/harga-cabai/html${href}`)).text();
      expect(second).toContain('Komentar 100');
      expect(second).not.toContain('>Komentar 99<');
    });
  });

  describe('auto-approval', () => {
    test('publishes at once a commenter who already has an approved comment when set to "returning"', async () => {
      await withApp(engine, { WARTA_AUTO_APPROVE: 'returning' }, async (app) => {
        const first = await app.comment('banjir-palembang', { email: 'setia@example.com' });
        expect((await app.storage.getComment(first))!.status).toBe('pending');
        await app.admin(`/api/admin/comments/${first}/approve`, { method: 'POST' });
        const r = await app.request('/api/comments/banjir-palembang', {
          json: { name: 'Setia', email: 'setia@example.com', text: 'Lagi', acceptRules: true, token: await app.token('banjir-palembang') },
        });
        expect(await r.json()).toMatchObject({ status: 'approved', message: 'Komentar Anda sudah terbit.' });
        const stranger = await app.comment('banjir-palembang', { email: 'baru@example.com' });
        expect((await app.storage.getComment(stranger))!.status).toBe('pending');
      });
    });
  });

  describe('without JavaScript', () => {
    test('accepts a plain form post without a token and redirects back to the article with the outcome', async () => {
      const r = await t.request('/api/comments/banjir-palembang', {
        form: { name: 'Tanpa JS', email: 'nojs@example.com', text: 'Dari formulir biasa', acceptRules: 'on', website: '', parentId: '', company: '' },
        headers: { accept: 'text/html,application/xhtml+xml' },
        ip: '192.0.2.70',
      });
      expect(r.status).toBe(303);
      expect(r.headers.get('location')).toBe('/2024/05/banjir-palembang/?comment=pending#komentar-pending');
    });

    test('redirects back with the reason when the form is refused', async () => {
      const r = await t.request('/api/comments/banjir-palembang', {
        form: { name: 'Tanpa JS', email: 'bukan-email', text: 'x', acceptRules: 'on' },
        headers: { accept: 'text/html' },
        ip: '192.0.2.71',
      });
      expect(r.status).toBe(303);
      expect(r.headers.get('location')).toBe('/2024/05/banjir-palembang/?comment=error&reason=invalid_input#komentar-error');
    });

    test('answers JSON to a form post that does not ask for HTML', async () => {
      const r = await t.request('/api/comments/banjir-palembang', { form: { name: 'F', email: 'f@example.com', text: 'x', acceptRules: 'on' }, ip: '192.0.2.72' });
      expect(r.status).toBe(201);
    });
  });
});
