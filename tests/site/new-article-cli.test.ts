import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT, runBuild } from '../helpers/build-site.ts';
import { outputRoot, root } from '../helpers/sites.ts';

// A scratch copy of the English fixture, so the CLI can write into it.
const scratch = path.join(outputRoot, 'new-article');
const content = path.join(scratch, 'content');
const run = (script: string, args: string[]) =>
  spawnSync(process.execPath, [path.join(root, 'scripts', script), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, WARTA_CONTENT_DIR: content, WARTA_NOW: '2024-03-01T12:00:00+07:00' },
    input: '',
  });
const args = ['--title', 'Flood Closes Three Roads in Hill Town', '--reporter', 'ben', '--editor', 'cara', '--category', 'city', '--location', 'hill-town'];

describe('npm run new', () => {
  let created: ReturnType<typeof run>;
  beforeAll(() => {
    fs.rmSync(scratch, { recursive: true, force: true });
    fs.cpSync(path.join(root, 'tests/fixtures/sites/english/content'), content, { recursive: true });
    created = run('new-article.ts', args);
  });

  it('creates the article under its month with the id from the headline', () => {
    expect(created.status, created.stderr).toBe(0);
    expect(fs.existsSync(path.join(content, 'articles/2024/03/flood-closes-three-roads-in-hill-town.md'))).toBe(true);
  });

  it('saves the story as a draft with a placeholder body', () => {
    expect(created.stdout).toContain('(draft: true)');
    const text = fs.readFileSync(path.join(content, 'articles/2024/03/flood-closes-three-roads-in-hill-town.md'), 'utf8');
    expect(text).toMatch(/^draft: true$/m);
  });

  it('writes a file that passes npm run check, which reminds the journalist of the placeholder', () => {
    const check = run('check-content.ts', []);
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toContain('flood-closes-three-roads-in-hill-town.md  this draft still holds the placeholder from npm run new.');
  });

  it('refuses to overwrite when run again', () => {
    const again = run('new-article.ts', args);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('a story with the id "flood-closes-three-roads-in-hill-town" exists already');
  });

  it('rejects an unknown category with the list of valid ones', () => {
    const bad = run('new-article.ts', [...args.slice(0, -4), '--category', 'weather', '--location', 'hill-town', '--slug', 'other']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--category "weather" is unknown. Choices: city, sport.');
  });

  it('explains itself with --help, and points an unknown option at it', () => {
    const help = run('new-article.ts', ['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--reporter');
    expect(help.stdout).toMatch(/--editor +editor id: [a-z, -]+/);
    const typo = run('new-article.ts', ['--titel', 'x']);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('See npm run new -- --help.');
  });

  it('refuses to publish the placeholder, and builds the page once the story is written', () => {
    const file = path.join(content, 'articles/2024/03/flood-closes-three-roads-in-hill-town.md');
    const published = fs.readFileSync(file, 'utf8').replace(/^draft: true\n/m, '');
    fs.writeFileSync(file, published);
    const unwritten = run('check-content.ts', []);
    expect(unwritten.status).toBe(1);
    expect(unwritten.stdout).toContain('the body is still the placeholder from npm run new.');

    const frontmatter = published.slice(0, published.indexOf('\n---\n') + '\n---\n'.length);
    fs.writeFileSync(file, `${frontmatter}Water closed three roads into Hill Town on Friday morning.\n`);
    expect(run('check-content.ts', []).status).toBe(0);
    const build = runBuild({ name: 'new-article', content: path.relative(root, content), now: '2024-03-01T12:00:00+07:00' }, path.join(scratch, 'dist'));
    expect(build.status, build.output).toBe(0);
    expect(fs.existsSync(path.join(scratch, 'dist/client/news/2024/03/01/flood-closes-three-roads-in-hill-town/index.html'))).toBe(true);
  }, BUILD_TIMEOUT);
});

describe('npm run check on broken content', () => {
  const check = () =>
    spawnSync(process.execPath, [path.join(root, 'scripts/check-content.ts'), '--lang', 'en'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, WARTA_CONTENT_DIR: 'tests/fixtures/sites/bad-frontmatter/content', GITHUB_ACTIONS: 'true' },
    });

  it('prints every mistake with file:line, exits 1, and annotates them for GitHub', () => {
    const result = check();
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('[warta] 18 problems found in the content.');
    expect(result.stdout).toContain('articles/2023/09/unknown-category-and-image.md:7  category: "olahrga" is not in the category registry');
    expect(result.stdout.match(/^::error /gm)).toHaveLength(18);
    expect(result.stdout).toMatch(/^::warning file=tests\/fixtures\/sites\/bad-frontmatter\/content\/articles\/2023\/09\/only-warnings\.md,line=2,/m);
  });
});
