import { contextBridge, ipcRenderer } from 'electron'
import { BUFFERED_EVENTS, CHANNELS, EVENT_NAMES, type CuratorApi } from '../../shared/contract'
import { EventBuffer } from '../desktop/event-buffer'

// The only bridge between page and main: one object built from the contract's channel names.
// The page never gets ipcRenderer, so it can reach no channel the contract does not list.
const channels = new Set<string>(CHANNELS)
const events = new Set<string>(EVENT_NAMES)
const buffers = new Map<string, EventBuffer<unknown>>(
  BUFFERED_EVENTS.map((event) => {
    const buffer = new EventBuffer<unknown>()
    ipcRenderer.on(event, (_e, payload: unknown) => buffer.deliver(payload))
    return [event, buffer]
  }),
)

const api: CuratorApi = {
  invoke(channel, req) {
    if (!channels.has(channel))
      return Promise.reject(new Error(`unknown channel ${String(channel)}`))
    return ipcRenderer.invoke(channel, req)
  },
  on(event, listener) {
    if (!events.has(event)) throw new Error(`unknown event ${String(event)}`)
    const buffer = buffers.get(event)
    if (buffer) return buffer.subscribe(listener as (payload: unknown) => void)
    const wrapped = (_e: unknown, payload: Parameters<typeof listener>[0]) => listener(payload)
    ipcRenderer.on(event, wrapped)
    return () => {
      ipcRenderer.removeListener(event, wrapped)
    }
  },
}

contextBridge.exposeInMainWorld('curator', api)
