// The child of the crash harness: runs CLI commands against one library, in this process, one
// after another, and prints "ack ..." after each that exited 0. The parent kill -9s it at a random
// moment and then checks every acknowledged command survived.
// Run (the harness bundles it first): node crash-worker.mjs <dir> <inputsDir> <seed> <ids file>
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { runCli, type CliIo } from '../../../electron/cli/run'

async function main(dir: string, inputs: string, seed: string, idsFile: string): Promise<void> {
  const ids = JSON.parse(await readFile(idsFile, 'utf8')) as string[]
  let err = ''
  const io: CliIo = {
    stdout: () => undefined,
    stderr: (t) => void (err += t),
    env: {},
    platform: 'linux',
    home: inputs,
  }
  const run = async (argv: string[]) => {
    err = ''
    const code = await runCli([...argv, '--library', dir], io)
    if (code !== 0) {
      process.stdout.write(`fail ${code} ${argv.join(' ')}: ${err.replace(/\n/g, ' ')}\n`)
      process.exit(3)
    }
  }
  process.stdout.write('ready\n')
  for (let i = 0; ; i++) {
    const name = `${seed}-${i}`
    if (i % 4 === 0) {
      const csv = join(inputs, `in-${name}.csv`)
      const rows = [1, 2].map(
        (n) => `Crash Film ${name},2001,author${n},7,Title ${n},Body ${name} ${n}.`,
      )
      await writeFile(csv, `work,year,author,rating,title,body\n${rows.join('\n')}\n`)
      await run(['import', csv])
      process.stdout.write(`ack import Crash Film ${name}\n`)
    } else {
      const id = ids[i % ids.length]!
      await run(['tag', id, `t${name}`])
      process.stdout.write(`ack tag ${id} t${name}\n`)
    }
  }
}

const [dir, inputs, seed, idsFile] = process.argv.slice(2) as [string, string, string, string]
void main(dir, inputs, seed, idsFile)
