// Reads the constructed dumps in test/fixtures/import and runs them through the public parser API.
import { readFileSync } from 'node:fs'
import { decodeDump, parseDump } from '../../../electron/domain/parsers'
import type { ParseOptions, ParseResult } from '../../../shared/domain'

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url)))
}

export function fixtureText(name: string): string {
  return decodeDump(fixtureBytes(name), name).text
}

export function parseFixture(name: string, options?: ParseOptions): ParseResult {
  return parseDump(fixtureText(name), name, options)
}

export function codes(result: ParseResult): string[] {
  return result.warnings.map((w) => w.code)
}
