import { BrowserWindow, session } from 'electron'
import { randomBytes } from 'node:crypto'
import { rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PrintPdf } from '../app/export/export-service'

// PDF export: the HTML report (self-contained, escaped, CSP without scripts) is loaded into a
// hidden window with JavaScript off, in its own in-memory session that refuses every request but
// the report file itself, and printed with Chromium's printToPDF.

const PARTITION = 'pdf-export'

function isolatedSession(): Electron.Session {
  const s = session.fromPartition(PARTITION)
  s.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !details.url.startsWith('file:') }),
  )
  s.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  return s
}

export function createPdfPrinter(): PrintPdf {
  let printerSession: Electron.Session | undefined
  return async (html) => {
    printerSession ??= isolatedSession()
    // A file rather than a data: URL, which Chromium caps at 2 MB.
    const file = join(tmpdir(), `review-curator-report-${randomBytes(6).toString('hex')}.html`)
    const win = new BrowserWindow({
      show: false,
      webPreferences: {
        session: printerSession,
        javascript: false,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
      },
    })
    try {
      await writeFile(file, html, 'utf8')
      await win.loadFile(file)
      return await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4' })
    } finally {
      win.destroy()
      await rm(file, { force: true })
    }
  }
}
