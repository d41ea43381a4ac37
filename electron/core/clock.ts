/** Time as the core sees it: injectable, so tests can move it (throttling, auto-lock). */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

export function iso(clock: Clock): string {
  return clock().toISOString();
}
