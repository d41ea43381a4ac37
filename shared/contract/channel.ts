import type { z } from 'zod';

/** One channel of the contract: the schema of what goes in and of what comes out. */
export interface ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}

export function channel<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): ChannelSpec<I, O> {
  return { input, output };
}

export type InputOf<C extends ChannelSpec> = z.input<C['input']>;
export type OutputOf<C extends ChannelSpec> = z.output<C['output']>;
