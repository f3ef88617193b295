import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ENGINES } from './helpers/engines.ts';
import { httpStub } from './helpers/stub-servers.ts';
import { createTestApp } from './helpers/test-app.ts';

const engine = ENGINES.at(-1)!;

describe(`Akismet against a local stub (${engine})`, () => {
  let akismet: Awaited<ReturnType<typeof httpStub>>;
  beforeAll(async () => {
    // Like Akismet's own test mode: the author "viagra-test-123" is always spam.
    akismet = await httpStub((body) => {
      const p = new URLSearchParams(body);
      if (p.get('comment_author') === 'viagra-test-123') return { body: 'true' };
      if (p.get('comment_author') === 'broken') return { status: 500, body: 'oops' };
      return { body: 'false' };
    });
  });
  afterAll(() => akismet.close());

  const env = () => ({ WARTA_AKISMET_KEY: 'key123', WARTA_AKISMET_ENDPOINT: `${akismet.url}/1.1/comment-check`, WARTA_SITE_URL: 'https://liputanabn.com', WARTA_AUTO_APPROVE: 'all' });

  test('sends the comment, the reader’s IP and agent, and the permalink to Akismet', async () => {
    const t = await createTestApp(engine, env());
    try {
      await t.comment('banjir-palembang', { name: 'Siti', text: 'Semoga cepat surut' }, '198.51.100.5');
      const sent = new URLSearchParams(akismet.received.at(-1)!.body);
      expect(Object.fromEntries(sent)).toMatchObject({
        api_key: 'key123',
        blog: 'https://liputanabn.com',
        user_ip: '198.51.100.5',
        permalink: 'https://liputanabn.com/2024/05/banjir-palembang/',
        comment_type: 'comment',
        comment_author: 'Siti',
        comment_author_email: 'siti@example.com',
        comment_content: 'Semoga cepat surut',
        blog_lang: 'id',
      });
      expect(sent.get('user_agent')).toContain('Mozilla/5.0');
    } finally {
      await t.cleanup();
    }
  });

  test('files spam in the spam folder but answers like a held comment', async () => {
    const t = await createTestApp(engine, env());
    try {
      const r = await t.request('/api/comments/banjir-palembang', { json: { name: 'viagra-test-123', email: 's@example.com', text: 'murah', acceptRules: true, token: await t.token('banjir-palembang') } });
      expect(await r.json()).toMatchObject({ status: 'pending', message: 'Komentar Anda menunggu moderasi.' });
      expect(await t.storage.countComments({ status: 'spam' })).toBe(1);
    } finally {
      await t.cleanup();
    }
  });

  test('holds the comment for an editor when Akismet gives no verdict', async () => {
    const t = await createTestApp(engine, env());
    try {
      const id = await t.comment('banjir-palembang', { name: 'broken' });
      expect((await t.storage.getComment(id))!.status).toBe('pending');
      expect(t.log.lines).toContainEqual(expect.objectContaining({ level: 'warn', msg: 'akismet gave no verdict; comment held for moderation' }));
    } finally {
      await t.cleanup();
    }
  });

  test('publishes a ham comment when auto-approval allows it', async () => {
    const t = await createTestApp(engine, env());
    try {
      const id = await t.comment('banjir-palembang');
      expect((await t.storage.getComment(id))!.status).toBe('approved');
    } finally {
      await t.cleanup();
    }
  });
});

describe(`notifications on new comments (${engine})`, () => {
  test('posts the new comment to the webhook, without the commenter’s email', async () => {
    const hook = await httpStub(() => ({ body: 'ok' }));
    const t = await createTestApp(engine, { WARTA_WEBHOOK_URL: `${hook.url}/hook` });
    try {
      const id = await t.comment('banjir-palembang', { name: 'Siti', text: 'Air sudah surut' });
      expect(hook.received).toHaveLength(1);
      expect(hook.received[0]!.url).toBe('/hook');
      expect(JSON.parse(hook.received[0]!.body)).toEqual({
        event: 'comment.created',
        comment: { id, articleId: 'banjir-palembang', articleTitle: 'Banjir di Palembang', articleUrl: '/2024/05/banjir-palembang/', authorName: 'Siti', text: 'Air sudah surut', status: 'pending' },
      });
      expect(hook.received[0]!.body).not.toContain('@');
    } finally {
      await t.cleanup();
      await hook.close();
    }
  });

  test('still stores the comment when the webhook fails, and logs it', async () => {
    const hook = await httpStub(() => ({ status: 502, body: 'down' }));
    const t = await createTestApp(engine, { WARTA_WEBHOOK_URL: hook.url });
    try {
      const id = await t.comment('banjir-palembang');
      expect(await t.storage.getComment(id)).toBeDefined();
      expect(t.log.lines).toContainEqual(expect.objectContaining({ level: 'warn', msg: 'notification failed', error: 'webhook answered 502' }));
    } finally {
      await t.cleanup();
      await hook.close();
    }
  });

  test('does not notify about spam', async () => {
    const hook = await httpStub(() => ({ body: 'ok' }));
    const akismet = await httpStub(() => ({ body: 'true' }));
    const t = await createTestApp(engine, { WARTA_WEBHOOK_URL: hook.url, WARTA_AKISMET_KEY: 'k', WARTA_AKISMET_ENDPOINT: akismet.url });
    try {
      await t.comment('banjir-palembang');
      expect(hook.received).toHaveLength(0);
    } finally {
      await t.cleanup();
      await hook.close();
      await akismet.close();
    }
  });
});
