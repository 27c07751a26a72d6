// `npm start`: fetch the Electron runtime with Electron's own installer when it is missing, build,
// and open the app. Plain ESM so it runs on a fresh clone before anything is built. Failures end
// in a few plain lines and a non-zero exit, never a stack trace: this is the project's front door.
import { spawn, spawnSync } from 'node:child_process'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { electronRuntime } from './electron-runtime.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const INSTALLER = join(ROOT, 'node_modules', 'electron', 'install.js')
const ELECTRON_VITE = join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
// A download of about 100 MB on a slow line; an offline machine fails within seconds (DNS or
// connect error), a black-holed network after undici's 10 s connect timeout.
const INSTALL_TIMEOUT_MS = Number(process.env.REVIEW_CURATOR_INSTALL_TIMEOUT_MS) || 10 * 60_000

const say = (line) => console.error(`Review Curator: ${line}`)

function withoutElectronAsNode(env) {
  // Inherited from a parent that ran Electron as Node, it would make the app start as a script.
  const { ELECTRON_RUN_AS_NODE: _drop, ...rest } = env
  return rest
}

/** Electron's installer prints a stack trace on failure; only its first line says why. */
function reasonOf(output) {
  const line = output.split(/\r?\n/).find((l) => l.trim() !== '') ?? 'the installer gave no reason'
  return line.trim().replace(/^[A-Za-z]*Error: /, '')
}

function installElectron() {
  say('downloading the Electron runtime (about 100 MB, only the first time)…')
  return new Promise((done) => {
    const child = spawn(process.execPath, [INSTALLER], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: withoutElectronAsNode(process.env),
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const timer = setTimeout(() => {
      child.kill()
      done({ ok: false, reason: `no complete download within ${INSTALL_TIMEOUT_MS / 1000} s` })
    }, INSTALL_TIMEOUT_MS)
    child.on('error', (error) => {
      clearTimeout(timer)
      done({ ok: false, reason: error.message })
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      done(code === 0 ? { ok: true } : { ok: false, reason: reasonOf(output) })
    })
  })
}

function explainMissingRuntime(reason) {
  console.error(
    [
      `Review Curator could not start: the Electron runtime could not be downloaded (${reason}).`,
      'Fix: connect to the internet and run `npm start` again, or set ELECTRON_MIRROR to a mirror',
      '  you can reach (ELECTRON_MIRROR=https://your-mirror/electron/ npm start).',
      'Without Electron: `npm run preview` opens the same UI in Chromium, and the CLI',
      '  (`npx review-curator --help`, after `npm run build`) works on the same library.',
    ].join('\n'),
  )
}

function build() {
  const result = spawnSync(process.execPath, [ELECTRON_VITE, 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
  })
  return result.status === 0
}

function launch(executable, args) {
  // Chromium refuses to start as root with its sandbox on (containers, some CI images); the
  // page stays sandboxed by its webPreferences.
  const sandbox = process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : []
  const child = spawn(executable, [...sandbox, ROOT, ...args], {
    cwd: ROOT,
    stdio: 'inherit',
    env: withoutElectronAsNode(process.env),
  })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('error', (error) => {
    say(`could not run ${executable}: ${error.message}`)
    process.exit(1)
  })
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

let runtime = electronRuntime(ROOT)
if (!runtime.present) {
  const installed = await installElectron()
  runtime = electronRuntime(ROOT)
  if (!installed.ok || !runtime.present) {
    explainMissingRuntime(
      installed.ok ? 'the installer finished but left no executable' : installed.reason,
    )
    process.exit(1)
  }
}
if (!build()) {
  say('the build failed (see above); nothing was started.')
  process.exit(1)
}
launch(runtime.executable, process.argv.slice(2))
