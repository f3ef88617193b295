import remarkDirective from 'remark-directive';
import type { PluggableList } from 'unified';
import { describe, expect, it } from 'vitest';
import { rehypeLiveUpdates } from '../../../src/markdown/rehype-live-updates.ts';
import { remarkLiveUpdates } from '../../../src/markdown/remark-live-updates.ts';
import { remarkUnhandledDirectives } from '../../../src/markdown/remark-unhandled-directives.ts';
import { render } from './render.ts';

const options = { timeZone: 'Asia/Jakarta', locale: 'id' as const, label: 'Perkembangan terkini' };
const remark: PluggableList = [remarkDirective, [remarkLiveUpdates, options], remarkUnhandledDirectives];
const rehype: PluggableList = [rehypeLiveUpdates];

const story = [
  'Banjir merendam Kertapati sejak pagi.',
  '',
  ':::update[Posko dibuka]{time="2026-11-27T08:00:00+07:00"}',
  'BPBD membuka posko di kantor camat pukul 08:00.',
  ':::',
  '',
  ':::update[Air mulai surut]{time="2026-11-27T14:30:00+07:00"}',
  'Ketinggian air turun **20 cm**.',
  ':::',
  '',
  ':::update[Warga mengungsi]{time="2026-11-27T10:15:00+07:00"}',
  'Sekitar 200 warga mengungsi.',
  ':::',
].join('\n');

describe('live updates in a story', () => {
  it('shows the updates newest first, each with its own anchor, time and headline, where the first one stood', async () => {
    const { html } = await render(story, { remark, rehype });
    expect(html.indexOf('Banjir merendam')).toBeLessThan(html.indexOf('live-updates'));
    const ids = [...html.matchAll(/<article class="live-update" id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['update-20261127-1430', 'update-20261127-1015', 'update-20261127-0800']);
    expect(html).toContain(
      '<header class="live-update__header"><time class="live-update__time" datetime="2026-11-27T14:30:00+07:00">27 Nov, 14.30 WIB</time><h3 class="live-update__headline"><a href="#update-20261127-1430">Air mulai surut</a></h3></header>',
    );
    expect(html).toContain('<h2 class="live-updates__title">Perkembangan terkini</h2>');
    // "08:00" inside an update is prose, not a directive.
    expect(html).toContain('pukul 08:00.');
  });

  it('records each update for the JSON-LD, the polled file and the feeds, with its HTML as on the page', async () => {
    const { frontmatter } = await render(story, { remark, rehype });
    const updates = frontmatter.liveUpdates as { id: string; headline: string; datePublished: string; text: string; html: string }[];
    expect(updates.map((u) => [u.id, u.headline, u.datePublished, u.text])).toEqual([
      ['update-20261127-1430', 'Air mulai surut', '2026-11-27T14:30:00+07:00', 'Ketinggian air turun 20 cm.'],
      ['update-20261127-1015', 'Warga mengungsi', '2026-11-27T10:15:00+07:00', 'Sekitar 200 warga mengungsi.'],
      ['update-20261127-0800', 'Posko dibuka', '2026-11-27T08:00:00+07:00', 'BPBD membuka posko di kantor camat pukul 08:00.'],
    ]);
    expect(updates[0]!.html).toMatch(/^<article class="live-update" id="update-20261127-1430" data-update-time="2026-11-27T14:30:00\+07:00">.*<strong>20 cm<\/strong>.*<\/article>$/s);
  });

  it('keeps an update its anchor when a newer one arrives in the same minute', async () => {
    const two = ':::update[A]{time="2026-11-27T08:00:00+07:00"}\na\n:::\n\n:::update[B]{time="2026-11-27T08:00:30+07:00"}\nb\n:::';
    const { frontmatter } = await render(two, { remark, rehype });
    expect((frontmatter.liveUpdates as { id: string; headline: string }[]).map((u) => `${u.headline}:${u.id}`)).toEqual(['B:update-20261127-0800-2', 'A:update-20261127-0800']);
  });

  it('fails the file with the fix when an update has no headline or no time with an offset', async () => {
    await expect(render(':::update{time="2026-11-27T08:00:00+07:00"}\nx\n:::', { remark })).rejects.toThrow(/without a headline: write it in brackets/);
    await expect(render(':::update[Judul]{time="2026-11-27 08:00"}\nx\n:::', { remark })).rejects.toThrow(/time="2026-11-27 08:00" is not a date and time with an offset/);
  });

  it('leaves a story without updates untouched', async () => {
    const { html, frontmatter } = await render('Satu paragraf.', { remark, rehype });
    expect(html).toBe('<p>Satu paragraf.</p>');
    expect(frontmatter.liveUpdates).toBeUndefined();
  });
});
