import type { ErrorCode } from '../../shared/contract/envelope';

/**
 * A refusal the user can act on. Services throw it; the dispatcher turns it into the error
 * envelope. Its message is for developers (English, no personal data); people see a translation.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function invalid(field: string, reason: string, message = `invalid ${field}: ${reason}`): DomainError {
  return new DomainError('validation', message, field, { issue: 'custom', reason });
}

export function conflict(what: string): DomainError {
  return new DomainError('conflict', `${what} was changed by someone else; reload it`);
}

export function notFound(what: string): DomainError {
  return new DomainError('not_found', `${what} not found`);
}
