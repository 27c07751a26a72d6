import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { CHANNELS, type IpcError, type Result } from '../../shared/contract'

/** Registers every contract channel; requests from frames that are not our page get an error. */
export function registerIpc(
  ipcMain: IpcMain,
  dispatch: (channel: string, request: unknown) => Promise<Result<unknown>>,
  isTrusted: (event: IpcMainInvokeEvent) => boolean,
  /** Told of every failure that is a bug rather than bad input, for the log. */
  onInternalError: (channel: string, error: IpcError) => void = () => undefined,
): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, request: unknown): Promise<Result<unknown>> => {
      if (!isTrusted(event)) {
        return Promise.resolve({
          ok: false,
          error: {
            code: 'invalid-request',
            message: `${channel}: refused a request from an unknown page`,
          },
        })
      }
      return dispatch(channel, request).then((result) => {
        if (!result.ok && result.error.code === 'internal') onInternalError(channel, result.error)
        return result
      })
    })
  }
}
