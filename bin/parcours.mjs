#!/usr/bin/env node
// The `parcours` command: runs the built CLI (npm install builds it; `npm run build` rebuilds).
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const cli = path.join(here, '..', 'dist', 'server', 'cli.cjs');
if (!existsSync(cli)) {
  console.error('Parcours is not built yet: run `npm run build` in ' + path.join(here, '..'));
  process.exit(1);
}
const { main } = createRequire(import.meta.url)(cli);
process.exitCode = await main(process.argv.slice(2));
