import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../shared/contract';
import { apiDocLine } from './helpers/api-doc';

/** docs/api.md lists every channel with who may call it, exactly as the route table says. */
describe('docs/api.md', () => {
  const doc = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');
  it.each(CHANNEL_NAMES)('documents %s as the route table binds it', (channel) => {
    expect(doc).toContain(apiDocLine(channel));
  });

  it('lists no channel that does not exist', () => {
    const listed = [...doc.matchAll(/^\| `([a-zA-Z.]+)` \|/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual([...CHANNEL_NAMES].sort());
  });
});
