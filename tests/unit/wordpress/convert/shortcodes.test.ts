import { describe, expect, test } from 'vitest';
import { DEFAULT_SHORTCODE_RULES, emptyStats, expandShortcodes, parseAttributes } from '../../../../src/wordpress/convert/shortcodes.ts';

const ctx = {
  rules: DEFAULT_SHORTCODE_RULES,
  attachment: (id: string) => (id === '7' ? { url: 'https://x.id/a.jpg', alt: 'Foto A', caption: 'Keterangan A', width: 800, height: 600 } : id === '8' ? { url: 'https://x.id/b.jpg', alt: 'Foto B', caption: '' } : undefined),
  postAttachments: () => ['8', '7'],
};

describe('shortcodes', () => {
  test('parses attributes in all three quoting styles and positional values', () => {
    expect(parseAttributes(' id="a" width=640 align=\'left\' https://y.id')).toEqual({ id: 'a', width: '640', align: 'left', '0': 'https://y.id' });
  });

  test('turns [caption] into a figure with the caption text and the caption width', () => {
    const out = expandShortcodes('[caption id="attachment_1" width="640"]<img src="a.jpg" alt="x"> Banjir di Sudirman[/caption]', ctx);
    expect(out.trim()).toBe('<figure><img width="640" src="a.jpg" alt="x"><figcaption>Banjir di Sudirman</figcaption></figure>');
  });

  test('turns [gallery ids] into one figure per attachment and reports ids the export lacks', () => {
    const stats = emptyStats();
    expect(expandShortcodes('[gallery ids="7,99"]', ctx, stats).trim()).toBe('<figure><img src="https://x.id/a.jpg" alt="Foto A" width="800" height="600"><figcaption>Keterangan A</figcaption></figure>');
    expect(stats.missingAttachments).toEqual(['99']);
  });

  test('shows the images attached to the post for a [gallery] without ids, less those excluded', () => {
    expect(expandShortcodes('[gallery columns="2"]', ctx).match(/<img/g)).toHaveLength(2);
    expect(expandShortcodes('[gallery exclude="8"]', ctx)).not.toContain('b.jpg');
  });

  test('turns [embed] and Jetpack [youtube] into embed markers', () => {
    expect(expandShortcodes('[embed]https://youtu.be/dQw4w9WgXcQ[/embed]', ctx)).toContain('data-warta-embed="YouTube" data-id="dQw4w9WgXcQ"');
    expect(expandShortcodes('[youtube https://www.youtube.com/watch?v=dQw4w9WgXcQ]', ctx)).toContain('data-id="dQw4w9WgXcQ"');
  });

  test('drops ad shortcodes, unwraps page-builder wrappers and counts both', () => {
    const stats = emptyStats();
    expect(expandShortcodes('[vc_row][vc_column]Isi[/vc_column][/vc_row][adsense][td_block_ad_box id="3"]', ctx, stats)).toBe('Isi');
    expect(Object.fromEntries(stats.dropped)).toEqual({ adsense: 1, td_block_ad_box: 1 });
    expect(Object.fromEntries(stats.unwrapped)).toEqual({ vc_row: 1, vc_column: 1 });
  });

  test('leaves unknown shortcodes and bracketed prose as text, counting only the shortcodes', () => {
    const stats = emptyStats();
    const text = '[wpdiscuz_comments] [Baca juga: Banjir] [[caption]]';
    expect(expandShortcodes(text, ctx, stats)).toBe('[wpdiscuz_comments] [Baca juga: Banjir] [caption]');
    expect(Object.fromEntries(stats.unknown)).toEqual({ wpdiscuz_comments: 1 });
  });
});
