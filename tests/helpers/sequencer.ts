import fs from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const BUILD_CALL = /\b(runBuild|runBuildInBackground|takeBuildLock)\(/;
/** Where in a file that builds a site of its own (or runs the dev server) its first build call is; Infinity for a file that builds nothing. */
function firstBuildAt(spec: TestSpecification): number {
  const at = fs.readFileSync(spec.moduleId, 'utf8').search(BUILD_CALL);
  return at < 0 ? Infinity : at;
}

/**
 * The order files start in, two at a time:
 * 1. `unit` and `server`, which need no fixture site, while the sites are built (fixtures.ts);
 * 2. then `e2e` and `site` files taken in turn, the site files that build first, so one worker
 *    tends to build while the other drives a browser: left to the end, building files would only
 *    queue on the build lock while the other core idles. Of those, the ones whose first build
 *    comes early in the file go first, so the lock is taken as soon as the fixture sites are
 *    built: a file that imports or checks for a minute before it builds would leave it idle.
 * Within a project otherwise, Vitest's own order (slowest or largest first).
 */
export class FixturesLastSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const of = (name: string) => sorted.filter((spec) => spec.project.name === name);
    const e2e = of('e2e');
    // A stable sort: files that build nothing (Infinity) keep Vitest's order, after those that do.
    const buildAt = new Map(of('site').map((spec) => [spec, firstBuildAt(spec)] as const));
    const site = of('site').sort((a, b) => (buildAt.get(a)! === buildAt.get(b)! ? 0 : buildAt.get(a)! - buildAt.get(b)!));
    const rest = sorted.filter((spec) => !['unit', 'server', 'e2e', 'site'].includes(spec.project.name));
    const taken: TestSpecification[] = [];
    for (let i = 0; i < Math.max(e2e.length, site.length); i++) taken.push(...[e2e[i], site[i]].filter((s) => s !== undefined));
    return [...of('unit'), ...of('server'), ...taken, ...rest];
  }
}
