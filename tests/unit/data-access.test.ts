/**
 * The data-access pattern (docs/architecture.md "Data access") as a structure the next capability
 * cannot miss: a capability that owns tables has one repository module, and the raw-SQL hot paths
 * lint allows are the ones the architecture document declares.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const services = path.join(root, 'electron/core/services');

describe('data access', () => {
  it('every capability that owns tables (entities.ts) has its repository.ts', () => {
    const owners = readdirSync(services).filter((c) => existsSync(path.join(services, c, 'entities.ts')));
    expect(owners.length).toBeGreaterThan(0);
    const missing = owners.filter((c) => !existsSync(path.join(services, c, 'repository.ts')));
    expect(missing).toEqual([]);
  });

  it('the raw-SQL hot paths lint allows are declared in docs/architecture.md', () => {
    const config = readFileSync(path.join(root, 'eslint.config.mjs'), 'utf8');
    const list = /const rawSqlHotPaths = \[([^\]]*)\]/.exec(config)?.[1] ?? '';
    const allowed = [...list.matchAll(/'electron\/core\/([^']+)'/g)].map((m) =>
      m[1].replace(/\/\*\*$/, '/*'),
    );
    expect(allowed.length).toBeGreaterThan(0);
    const doc = readFileSync(path.join(root, 'docs/architecture.md'), 'utf8');
    const section = doc.slice(
      doc.indexOf('## Data access'),
      doc.indexOf('\n## ', doc.indexOf('## Data access') + 1),
    );
    expect(allowed.filter((file) => !section.includes(`\`${file}\``))).toEqual([]);
  });
});
