// Vitest global setup of the `site` and `e2e` projects: starts building every fixture site in the
// background (helpers/fixtures.ts) and returns, so files that need no site start at once.
import { startFixtureBuilds } from '../helpers/fixtures.ts';

export default function setup() {
  const builds = startFixtureBuilds();
  return () => builds;
}
