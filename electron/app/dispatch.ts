import { contract, type Channel, type Req, type Res, type Result } from '../../shared/contract'
import { describeIssues } from '../domain/describe-issues'
import { CuratorError } from '../domain/errors'

export type Handlers = { [C in Channel]: (req: Req<C>) => Promise<Res<C>> | Res<C> }

const isChannel = (name: unknown): name is Channel =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name)

/**
 * The single door into main: validates the request against the contract, runs the handler, and
 * turns every outcome into a Result so the renderer gets a typed error instead of a rejected promise.
 */
export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  request: unknown,
): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return {
      ok: false,
      error: { code: 'invalid-request', message: `Unknown channel ${JSON.stringify(channel)}` },
    }
  }
  const parsed = contract[channel].req.safeParse(request ?? {})
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'invalid-request',
        message: `${channel}: ${describeIssues(parsed.error.issues)}`,
      },
    }
  }
  try {
    const handler = handlers[channel] as (req: unknown) => Promise<unknown>
    return { ok: true, value: await handler(parsed.data) }
  } catch (e) {
    if (e instanceof CuratorError) return { ok: false, error: { code: e.code, message: e.message } }
    const message = e instanceof Error ? e.message : String(e)
    return { ok: false, error: { code: 'internal', message: `${channel} failed: ${message}` } }
  }
}
