import type { ErrorCode } from '../../shared/contract'

/** An error meant for the user: its message says what went wrong and where. */
export class CuratorError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'CuratorError'
  }
}

/** Input the user gave us (a file, a request, a query) that we refuse; nothing was changed. */
export class BadInputError extends CuratorError {
  constructor(message: string) {
    super('bad-input', message)
    this.name = 'BadInputError'
  }
}

export class NotFoundError extends CuratorError {
  constructor(message: string) {
    super('not-found', message)
    this.name = 'NotFoundError'
  }
}
