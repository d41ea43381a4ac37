/** Cache keys of the clinical catalogues. */
export const catalogueKeys = {
  all: ['catalogues'] as const,
  current: ['catalogues', 'current'] as const,
  history: (catalogue: string) => ['catalogues', 'history', catalogue] as const,
};
