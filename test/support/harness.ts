/**
 * Runs the built renderer in a plain Chromium page wired to the REAL main-process handlers, so
 * renderer workflows can be tested end to end on machines where Electron cannot start.
 *
 * Usage (in a spec under test/e2e/renderer, after `npm run build`):
 *
 *   import { test, expect } from '@playwright/test'
 *   import { openCuratorPage, makeTempLibraryDir } from '../../support/harness'
 *
 *   test('imports the sample', async ({ browser }) => {
 *     const app = await openCuratorPage({ browser, libraryDir: await makeTempLibraryDir() })
 *     try {
 *       await app.page.getByRole('button', { name: /sample/i }).click()
 *       await expect(app.page.getByRole('listbox', { name: 'Reviews' }).getByRole('option').first()).toBeVisible()
 *       await app.reopen()                      // close the library, re-open it from disk, reload
 *       await app.emit('menu:command', { command: 'export-csv' })   // as the app menu would
 *       expect(app.exported).toHaveLength(1)    // paths handed out by the default export dialog
 *       expect(app.errors).toEqual([])          // console errors, page errors, failed requests
 *     } finally {
 *       await app.close()
 *     }
 *   })
 *
 * Options of openCuratorPage:
 *   browser     a Playwright Browser (the `browser` fixture)
 *   libraryDir  library folder; created by openLibrary if missing, never deleted by the harness
 *   dialogs     optional overrides of the native dialogs. Defaults: chooseImportFiles -> [] (the
 *               user cancelled); chooseExportPath -> `<libraryDir>/exports/<suggestedName>`.
 *   beforeBodies optional: the library opens staged, as the desktop app does (the list from
 *               list-cache.bin when it is current), and its review text is read only once this
 *               resolves, so a spec can see what the window does while the text loads.
 *   indexCacheFrom optional: the search index cache file is kept from this many reviews (the
 *               app's 5,000); 0 lets a small library's text queries be answered from it early.
 *
 * Returned CuratorPage:
 *   page        the Playwright Page showing the renderer
 *   url         where the renderer is served (http://127.0.0.1:<port>/index.html)
 *   emit(e, p)  delivers a main->renderer event (library:changed, menu:command) to window.curator
 *   reopen()    closes the library, opens it again from disk with fresh handlers, reloads the page
 *   errors      console errors, uncaught page errors and failed requests, as strings
 *   emitted     every event the handlers pushed to the page, in order
 *   invoked     every request the page sent (channel and request), in order, whatever sent it
 *   exported    every path the default chooseExportPath handed out
 *   opened      every URL the handlers asked to open externally (nothing is really opened)
 *   copied      every text the handlers wrote to the clipboard (the system's is left alone)
 *   close()     closes page, context, library and server; safe to call twice
 *
 * What it mirrors from the real preload (electron/preload/index.ts): `window.curator` has exactly
 * `invoke` and `on`, invoke rejects channels not in the contract, on throws for unknown events,
 * and events pushed during a request reach the page before that request's result, as Electron's
 * ordered IPC pipe delivers them. Requests and results cross Playwright's binding as JSON text
 * (`__curatorWire`); `window.__curatorInvoke(channel, req)` is the page's door to it, which a
 * spec may wrap to hold back or refuse answers.
 */
import { mkdir, mkdtemp, readFile, stat } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { basename, extname, join, normalize, resolve, sep } from 'node:path'
import type { AddressInfo } from 'node:net'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import {
  CHANNELS,
  EVENT_NAMES,
  type EventName,
  type Events,
  type Result,
} from '../../shared/contract'
import { openLibrary } from '../../electron/domain/library/open-library'
import { indexCacheOptions, searchEngine } from '../../electron/domain/search/engine-registry'
import { createApp, type Dialogs } from '../../electron/app/create-app'
import { openExternalChecked } from '../../electron/main/external-url'

const ROOT = resolve(import.meta.dirname, '../..')
export const RENDERER_DIR = join(ROOT, 'out', 'renderer')
const SAMPLE_PATH = join(ROOT, 'electron', 'main', 'assets', 'sample-pusher-ii-2004.txt')

export interface OpenCuratorPageOptions {
  browser: Browser
  libraryDir: string
  dialogs?: Partial<Dialogs>
  beforeBodies?: () => Promise<void>
  /**
   * Keeps the search index in its cache file from this many reviews (the app: 5,000), so a spec
   * can see a small library's text queries answered from it before the text is read (0).
   */
  indexCacheFrom?: number
}

export interface CuratorPage {
  page: Page
  url: string
  libraryDir: string
  emit<E extends EventName>(event: E, payload: Events[E]): Promise<void>
  reopen(): Promise<void>
  close(): Promise<void>
  errors: string[]
  emitted: { event: EventName; payload: unknown }[]
  invoked: { channel: unknown; request: unknown }[]
  exported: string[]
  opened: string[]
  copied: string[]
}

type Library = Awaited<ReturnType<typeof openLibrary>>
type App = ReturnType<typeof createApp>

/** A fresh, empty folder for a library; the OS cleans tmp, so tests need not. */
export function makeTempLibraryDir(prefix = 'curator-e2e-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix))
}

export async function openCuratorPage(options: OpenCuratorPageOptions): Promise<CuratorPage> {
  const { browser } = options
  const libraryDir = resolve(options.libraryDir)
  await assertRendererBuilt()
  const sample = {
    fileName: basename(SAMPLE_PATH),
    content: await readFile(SAMPLE_PATH, 'utf8'),
  }

  const errors: string[] = []
  const emitted: CuratorPage['emitted'] = []
  const invoked: CuratorPage['invoked'] = []
  const exported: string[] = []
  const opened: string[] = []
  const copied: string[] = []

  const dialogs: Dialogs = {
    chooseImportFiles: async () => [],
    chooseExportPath: async (_format, suggestedName) => {
      const dir = join(libraryDir, 'exports')
      await mkdir(dir, { recursive: true })
      const path = join(dir, suggestedName)
      exported.push(path)
      return path
    },
    ...options.dialogs,
  }

  const server = await startStaticServer(RENDERER_DIR)
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html`
  let context: BrowserContext | null = null
  let library: Library | null = null

  try {
    context = await browser.newContext()
    const page = await context.newPage()
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`console: ${msg.text()}`)
    })
    page.on('pageerror', (err) => errors.push(`pageerror: ${err.stack ?? err.message}`))
    page.on('requestfailed', (req) => {
      const reason = req.failure()?.errorText ?? ''
      // A reload cancels whatever the old document was still loading; that is not a fault.
      if (reason !== 'net::ERR_ABORTED') errors.push(`requestfailed: ${req.url()} ${reason}`)
    })

    // Events are serialised through one chain so they arrive in the order main sent them, and
    // an invoke waits for the chain so events it caused land before its result, as in Electron.
    let eventChain: Promise<void> = Promise.resolve()
    const deliver = (event: EventName, payload: unknown): Promise<void> => {
      emitted.push({ event, payload })
      eventChain = eventChain.then(() =>
        page
          .evaluate(
            ([e, p]) =>
              (window as unknown as { __curatorEmit(e: string, p: string): void }).__curatorEmit(
                e,
                p,
              ),
            [event, JSON.stringify({ payload })] as const,
          )
          // The page may be reloading or closed; Electron drops such messages too.
          .catch(() => undefined),
      )
      return eventChain
    }

    const makeApp = (lib: Library): App => {
      const from = options.indexCacheFrom
      if (from !== undefined) searchEngine(lib, { cache: indexCacheOptions(libraryDir, from) })
      return createApp({
        library: lib,
        dialogs,
        openExternal: (target: string) =>
          openExternalChecked(target, async (url) => void opened.push(url)),
        sample,
        emit: (event, payload) => void deliver(event, payload),
        writeClipboard: (text) => void copied.push(text),
      })
    }

    const openOptions = options.beforeBodies
      ? { staged: true, beforeBodies: options.beforeBodies }
      : {}
    library = await openLibrary(libraryDir, openOptions)
    let app = makeApp(library)

    // Requests and results cross the binding as JSON text: Playwright's own serialiser walks
    // every value and costs tens of ms per page of rows, which Electron's structured clone
    // does not, so the app's figures would carry the harness's transport.
    await page.exposeBinding(
      '__curatorWire',
      // Typed unknown: like ipcMain, this trusts nothing the page sends; dispatch validates.
      async (_source, channel: unknown, text: unknown): Promise<string> => {
        const req = parseWire(text)
        invoked.push({ channel, request: req })
        const eventsBefore = emitted.length
        const result: Result<unknown> = await app.dispatch(channel, req)
        // Only events this request caused must land first. Waiting for one sent before it (the
        // event whose listener sent this request, say) would hold the answer until the page
        // had acknowledged that event, a round trip Electron's one ordered pipe does not make.
        if (emitted.length > eventsBefore) await eventChain
        return JSON.stringify(result)
      },
    )
    // Sent as source text: tsx (used by the preview) compiles with esbuild's keepNames, which
    // wraps functions in a `__name` helper that does not exist in the page, so a no-op one
    // is declared around it.
    const args = JSON.stringify({ channels: CHANNELS, events: EVENT_NAMES })
    await page.addInitScript({
      content: `(() => { const __name = (f) => f; (${installCuratorApi.toString()})(${args}) })()`,
    })
    await page.goto(url)

    let closed = false
    const curator: CuratorPage = {
      page,
      url,
      libraryDir,
      errors,
      emitted,
      invoked,
      exported,
      opened,
      copied,
      emit: (event, payload) => deliver(event, payload),
      async reopen() {
        await eventChain
        await library?.close()
        library = null
        library = await openLibrary(libraryDir, openOptions)
        app = makeApp(library)
        await page.reload()
      },
      async close() {
        if (closed) return
        closed = true
        await context?.close().catch(() => undefined)
        await library?.close()
        await stopServer(server)
      },
    }
    return curator
  } catch (err) {
    await context?.close().catch(() => undefined)
    await library?.close().catch(() => undefined)
    await stopServer(server)
    throw err
  }
}

/**
 * Runs in the page before any of its scripts, so it must be self-contained: only its source
 * text reaches the page. It builds the same object the preload exposes with contextBridge.
 */
function installCuratorApi({ channels, events }: { channels: string[]; events: string[] }): void {
  type Listener = (payload: unknown) => void
  const w = window as unknown as {
    __curatorWire(channel: string, text: string): Promise<string>
    __curatorInvoke(channel: string, req: unknown): Promise<unknown>
  }
  // The page's door to main, which specs and the bench may wrap (a slow disk, a refusal); the
  // JSON text is the binding's business only. Wrapped, so an absent request (undefined)
  // survives the trip as it does in Electron.
  w.__curatorInvoke = (channel, req) =>
    w.__curatorWire(channel, JSON.stringify({ req })).then((text) => JSON.parse(text) as unknown)
  const channelSet = new Set(channels)
  const eventSet = new Set(events)
  const listeners = new Map<string, Set<Listener>>()

  const api = {
    invoke(channel: string, req: unknown): Promise<unknown> {
      if (!channelSet.has(channel))
        return Promise.reject(new Error(`unknown channel ${String(channel)}`))
      return w.__curatorInvoke(channel, req)
    },
    on(event: string, listener: Listener): () => void {
      if (!eventSet.has(event)) throw new Error(`unknown event ${String(event)}`)
      // Wrapping gives every subscription its own identity, as ipcRenderer.on does, so
      // subscribing the same function twice needs two unsubscribes.
      const wrapped: Listener = (payload) => listener(payload)
      let set = listeners.get(event)
      if (!set) listeners.set(event, (set = new Set()))
      set.add(wrapped)
      return () => {
        set.delete(wrapped)
      }
    },
  }
  // contextBridge hands the page a frozen, non-writable object; match that so the renderer
  // cannot come to depend on patching it.
  Object.defineProperty(window, 'curator', { value: Object.freeze(api), enumerable: true })
  Object.defineProperty(window, '__curatorEmit', {
    enumerable: false,
    value(event: string, text: string) {
      const { payload } = JSON.parse(text) as { payload: unknown }
      for (const listener of [...(listeners.get(event) ?? [])]) {
        try {
          listener(payload)
        } catch (err) {
          // An Electron listener that throws is reported, and the others still run.
          setTimeout(() => {
            throw err
          })
        }
      }
    },
  })
}

/** A request as the page sent it: `{ req }` in JSON text; anything else goes on as sent. */
function parseWire(text: unknown): unknown {
  if (typeof text !== 'string') return text
  try {
    return (JSON.parse(text) as { req?: unknown }).req
  } catch {
    return text
  }
}

async function assertRendererBuilt(): Promise<void> {
  try {
    await stat(join(RENDERER_DIR, 'index.html'))
  } catch {
    throw new Error(`${RENDERER_DIR}/index.html is missing: run \`npm run build\` first`)
  }
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}

/** Module scripts do not load from file://, so the build is served over loopback HTTP. */
async function startStaticServer(root: string): Promise<Server> {
  const server = createServer((req, res) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
      // Chromium asks for a favicon on its own; Electron never does, so it must not count as
      // a failed request.
      if (pathname === '/favicon.ico') {
        res.writeHead(204).end()
        return
      }
      const file = normalize(join(root, pathname === '/' ? 'index.html' : pathname))
      if (file !== root && !file.startsWith(root + sep)) {
        res.writeHead(403).end()
        return
      }
      try {
        const body = await readFile(file)
        res.writeHead(200, {
          'content-type': MIME[extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-store',
        })
        res.end(body)
      } catch {
        res.writeHead(404).end()
      }
    })()
  })
  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(0, '127.0.0.1', ok)
  })
  return server
}

function stopServer(server: Server): Promise<void> {
  server.closeAllConnections()
  return new Promise((ok) => server.close(() => ok()))
}
