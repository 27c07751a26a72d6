export interface SkipGroup {
  label: string
  reason: string
  count: number
  files: string[]
}
export function playwrightSkips(report: unknown): SkipGroup[]
export function vitestSkips(report: unknown, root?: string): SkipGroup[]
export function skipLines(groups: SkipGroup[]): string[]
export function requiredSkipError(groups: SkipGroup[], env: NodeJS.ProcessEnv): string | null
