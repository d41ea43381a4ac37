/** Cache keys of the centre's settings and sites. */
export const centreKeys = {
  centre: ['centre', 'get'] as const,
};
