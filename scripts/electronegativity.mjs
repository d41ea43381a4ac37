// Electronegativity (Doyensec) over the Electron shell, offline: no HIGH or CRITICAL finding, and
// every MEDIUM either fixed or justified by its check id in docs/electron-shell.md
// ("## Electronegativity" table). The check that fetches Electron's release list is left out:
// nothing but the npm registry is reachable here, and the Electron version is pinned in the lock.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(mkdtempSync(path.join(tmpdir(), 'parcours-eneg-')), 'findings.csv');
const electronVersion = JSON.parse(
  readFileSync(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8'),
).version;
const run = spawnSync(
  process.execPath,
  [
    path.join(ROOT, 'node_modules/@doyensec/electronegativity/dist/index.js'),
    '-i',
    path.join(ROOT, 'electron'),
    '-r',
    '-v',
    'false',
    '-e',
    electronVersion,
    '-x',
    'AvailableSecurityFixesGlobalCheck',
    '-o',
    out,
  ],
  { encoding: 'utf8' },
);
let csv;
try {
  csv = readFileSync(out, 'utf8');
} catch {
  console.error(`electronegativity did not run:\n${run.stdout}\n${run.stderr}`);
  process.exit(1);
} finally {
  rmSync(path.dirname(out), { recursive: true, force: true });
}

const findings = csv
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [id, severity, , file, location] = line.split(',').map((f) => f.replace(/^"|"$/g, ''));
    return { id, severity, file, location };
  });
const doc = readFileSync(path.join(ROOT, 'docs/electron-shell.md'), 'utf8');
const section = doc.split('## Electronegativity')[1]?.split('\n## ')[0] ?? '';
const justified = new Set([...section.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]));

const high = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'CRITICAL');
const unjustified = findings.filter((f) => f.severity === 'MEDIUM' && !justified.has(f.id));
for (const f of findings) console.log(`${f.severity.padEnd(8)} ${f.id} ${f.file}:${f.location}`);
if (high.length || unjustified.length) {
  for (const f of high) console.error(`HIGH finding: ${f.id} in ${f.file}:${f.location}`);
  for (const f of unjustified)
    console.error(
      `MEDIUM finding not justified in docs/electron-shell.md: ${f.id} in ${f.file}:${f.location}`,
    );
  process.exit(1);
}
console.log(
  `electronegativity: 0 HIGH, ${findings.filter((f) => f.severity === 'MEDIUM').length} MEDIUM, all justified`,
);
