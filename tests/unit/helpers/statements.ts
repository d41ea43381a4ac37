/**
 * Counts the statements the store's SQLite handle runs (TypeORM's and the prepared hot paths'),
 * so a test can prove a read happens once per call, or a bulk path stays bulk, without timing.
 * One counter at a time (it spies on the statement methods); restore with `vi.restoreAllMocks()`.
 */
import type { Statement } from 'better-sqlite3';
import { vi } from 'vitest';
import type { Centre } from './reception';

export function countStatements(t: Centre): { count: (tables: RegExp) => number } {
  const handle = t.core.ctx.vault.requireStore().handle;
  const proto = Object.getPrototypeOf(handle.prepare('SELECT 1')) as Record<
    'all' | 'get' | 'run' | 'iterate',
    (this: Statement, ...args: unknown[]) => unknown
  >;
  const seen: string[] = [];
  for (const method of ['all', 'get', 'run', 'iterate'] as const) {
    const original = proto[method];
    vi.spyOn(proto, method).mockImplementation(function (this: Statement, ...args: unknown[]) {
      seen.push(this.source);
      return original.apply(this, args);
    });
  }
  return { count: (tables) => seen.filter((sql) => tables.test(sql)).length };
}
