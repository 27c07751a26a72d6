import { contextBridge, ipcRenderer } from 'electron'
import { CHANNELS, EVENT_NAMES, type CuratorApi } from '../../shared/contract'

// The only bridge between page and main: one object built from the contract's channel names.
// The page never gets ipcRenderer, so it can reach no channel the contract does not list.
const channels = new Set<string>(CHANNELS)
const events = new Set<string>(EVENT_NAMES)

const api: CuratorApi = {
  invoke(channel, req) {
    if (!channels.has(channel))
      return Promise.reject(new Error(`unknown channel ${String(channel)}`))
    return ipcRenderer.invoke(channel, req)
  },
  on(event, listener) {
    if (!events.has(event)) throw new Error(`unknown event ${String(event)}`)
    const wrapped = (_e: unknown, payload: Parameters<typeof listener>[0]) => listener(payload)
    ipcRenderer.on(event, wrapped)
    return () => {
      ipcRenderer.removeListener(event, wrapped)
    }
  },
}

contextBridge.exposeInMainWorld('curator', api)
