/** Cache keys of the reception board. */
export const visitsKeys = {
  all: ['visits'] as const,
  /** Every site's board. */
  boards: ['visits', 'board'] as const,
  board: (siteId: string) => ['visits', 'board', siteId] as const,
};
