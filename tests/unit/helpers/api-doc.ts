import type { ChannelName } from '../../../shared/contract';
import { ROUTES } from '../../../electron/core/api/routes';

/** The line of docs/api.md's channel table for one channel, as the route table declares it. */
export function apiDocLine(channel: ChannelName): string {
  const route = ROUTES[channel];
  let who: string;
  if (route.access === 'public') who = 'anyone (no session)';
  else {
    const perm = route.permission ? ` + \`${route.permission}\`` : '';
    if (route.access === 'dossier') {
      const d = route.dossier;
      who = `session${perm}; dossier: \`${d.section}\` ${d.action}${d.partial ? ' (own records when refused)' : ''}`;
    } else if (route.touches.kind === 'persons')
      who = `session${perm}; persons list: \`${route.touches.section}\``;
    else who = `session${perm}`;
  }
  const flags = [
    route.access !== 'public' && route.whileLocked && 'while locked',
    route.access !== 'public' && route.beforePasswordChange && 'before password change',
    route.access !== 'public' && route.passive && 'passive',
    route.access !== 'public' && route.longRead && 'long read (worker)',
  ]
    .filter(Boolean)
    .join(', ');
  return `| \`${channel}\` | ${who} | ${flags} |`;
}
