import type { Channel, ErrorCode, EventName, Events, Req, Res } from '../../shared/contract'

/** A refusal from main, carried over IPC in the Result envelope so its code survives. */
export class CuratorRequestError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'CuratorRequestError'
  }
}

/** Calls a channel and unwraps the envelope, so callers handle failures with plain try/catch. */
export async function invoke<C extends Channel>(channel: C, req: Req<C>): Promise<Res<C>> {
  const result = await window.curator.invoke(channel, req)
  if (!result.ok) throw new CuratorRequestError(result.error.code, result.error.message)
  return result.value
}

export function onEvent<E extends EventName>(
  event: E,
  listener: (payload: Events[E]) => void,
): () => void {
  return window.curator.on(event, listener)
}

/** The user backed out of something (a dialog): nothing to report. */
export function isCancelled(error: unknown): boolean {
  return error instanceof CuratorRequestError && error.code === 'cancelled'
}

export { errorMessage } from './error-text'
