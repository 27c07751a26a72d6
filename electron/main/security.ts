import { app, session, shell, type WebContents } from 'electron'
import { checkExternalUrl } from './external-url'
import { isOwnPage } from './own-page'

export { isOwnPage }

function lockDown(contents: WebContents, rendererUrl: string): void {
  // The app is one page: any navigation is either a bug or an attack.
  contents.on('will-navigate', (event, url) => {
    if (!isOwnPage(url, rendererUrl)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (checkExternalUrl(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
}

/** Electron's security checklist, applied to every web contents the app ever creates. */
export function setupSecurity(rendererUrl: string): void {
  app.on('web-contents-created', (_event, contents) => lockDown(contents, rendererUrl))
  app.whenReady().then(() => {
    // No camera, microphone, notifications or geolocation: a review curator needs none of them.
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
      callback(false),
    )
    session.defaultSession.setPermissionCheckHandler(() => false)
  })
}
