import { describe, expect, it } from 'vitest';
import { archiveCutoff, isArchived, prerenderDays } from '../../../src/lib/archive.ts';

describe('the archive rendered on demand', () => {
  it('is off unless WARTA_PRERENDER_DAYS is a whole number of days above 0, and a typo stops the build naming the variable', () => {
    expect(prerenderDays({})).toBe(0);
    expect(prerenderDays({ WARTA_PRERENDER_DAYS: '' })).toBe(0);
    expect(prerenderDays({ WARTA_PRERENDER_DAYS: '365' })).toBe(365);
    expect(() => prerenderDays({ WARTA_PRERENDER_DAYS: '1y' })).toThrow(/WARTA_PRERENDER_DAYS must be a whole number .* got "1y"/);
  });

  it('stops a Netlify or Vercel build that would leave archived stories without a server able to render them', () => {
    expect(prerenderDays({ WARTA_PRERENDER_DAYS: '365', WARTA_DEPLOY_TARGET: 'node' })).toBe(365);
    expect(prerenderDays({ WARTA_DEPLOY_TARGET: 'netlify' })).toBe(0);
    expect(() => prerenderDays({ WARTA_PRERENDER_DAYS: '365', WARTA_DEPLOY_TARGET: 'vercel' })).toThrow(/WARTA_PRERENDER_DAYS=365 needs the Node server \(WARTA_DEPLOY_TARGET=node\), not vercel/);
  });

  it('holds the stories published before the build time less that many days, and none when off', () => {
    const now = new Date('2024-03-01T12:00:00+07:00');
    const cutoff = archiveCutoff(now, 10);
    expect(cutoff?.toISOString()).toBe(new Date('2024-02-20T12:00:00+07:00').toISOString());
    expect(isArchived(new Date('2024-02-20T11:59:00+07:00'), cutoff)).toBe(true);
    expect(isArchived(new Date('2024-02-20T12:00:00+07:00'), cutoff)).toBe(false);
    expect(archiveCutoff(now, 0)).toBeUndefined();
    expect(isArchived(new Date('1999-01-01'), undefined)).toBe(false);
  });
});
