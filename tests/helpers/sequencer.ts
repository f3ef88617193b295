import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The order files start in, two at a time:
 * 1. `unit` and `server`, which need no fixture site, while the sites are built (fixtures.ts);
 * 2. then `e2e` and `site` files taken in turn, so one worker tends to drive a browser while the
 *    other runs a site file, many of which build a site of their own and wait for the build lock:
 *    two build-bound files at once would only queue on it.
 * Within a project, Vitest's own order (slowest or largest first).
 */
export class FixturesLastSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const of = (name: string) => sorted.filter((spec) => spec.project.name === name);
    const e2e = of('e2e');
    const site = of('site');
    const rest = sorted.filter((spec) => !['unit', 'server', 'e2e', 'site'].includes(spec.project.name));
    const taken: TestSpecification[] = [];
    for (let i = 0; i < Math.max(e2e.length, site.length); i++) taken.push(...[e2e[i], site[i]].filter((s) => s !== undefined));
    return [...of('unit'), ...of('server'), ...taken, ...rest];
  }
}
