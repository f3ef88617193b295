// Setup file of the `site` and `e2e` projects: no test file is even imported before the fixture sites exist.
import { fixturesReady } from './fixtures.ts';

await fixturesReady();
