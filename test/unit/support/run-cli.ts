import { runCli, type CliIo } from '../../../electron/cli/run'

export interface CliRun {
  code: number
  out: string
  err: string
}

/** Runs the CLI in this process, capturing what it prints, as on Linux with `home` as $HOME. */
export async function runCliCaptured(
  argv: string[],
  home: string,
  extra: Partial<CliIo> = {},
): Promise<CliRun> {
  let out = ''
  let err = ''
  const io: CliIo = {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    env: {},
    platform: 'linux',
    home,
    ...extra,
  }
  const code = await runCli(argv, io)
  return { code, out, err }
}
