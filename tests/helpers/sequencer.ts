import fs from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** A file that builds a site of its own (or runs the dev server), so it holds the build lock for a while. */
const buildsASite = (spec: TestSpecification) => /\b(runBuild|runBuildInBackground|takeBuildLock)\(/.test(fs.readFileSync(spec.moduleId, 'utf8'));

/**
 * The order files start in, two at a time:
 * 1. `unit` and `server`, which need no fixture site, while the sites are built (fixtures.ts);
 * 2. then `e2e` and `site` files taken in turn, the site files that build first, so one worker
 *    tends to drive a browser while the other builds: left to the end, two building files would
 *    only queue on the build lock while the other core idles.
 * Within a project, Vitest's own order (slowest or largest first).
 */
export class FixturesLastSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const of = (name: string) => sorted.filter((spec) => spec.project.name === name);
    const e2e = of('e2e');
    const building = new Set(of('site').filter(buildsASite));
    const site = [...building, ...of('site').filter((spec) => !building.has(spec))];
    const rest = sorted.filter((spec) => !['unit', 'server', 'e2e', 'site'].includes(spec.project.name));
    const taken: TestSpecification[] = [];
    for (let i = 0; i < Math.max(e2e.length, site.length); i++) taken.push(...[e2e[i], site[i]].filter((s) => s !== undefined));
    return [...of('unit'), ...of('server'), ...taken, ...rest];
  }
}
