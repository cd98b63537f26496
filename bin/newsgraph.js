#!/usr/bin/env node
'use strict';
// The newsgraph command. `npm ci` compiles the TypeScript into dist/ (the `prepare` script).
const path = require('node:path');
const fs = require('node:fs');
const main = path.join(__dirname, '..', 'dist', 'src', 'cli', 'main.js');
if (!fs.existsSync(main)) {
  process.stderr.write('newsgraph is not built yet: run `npm run build` (npm ci does it for you)\n');
  process.exit(1);
}
require(main).main(process.argv).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`newsgraph: ${err && err.message ? err.message : err}\n`); process.exitCode = 1; },
);
