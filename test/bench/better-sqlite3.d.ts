// The few better-sqlite3 calls the bench's SQLite peer makes (the package ships no types, and a
// types package for one bench script is not worth a dependency).

declare module 'better-sqlite3' {
  interface Statement {
    run(...params: unknown[]): { changes: number }
    get(...params: unknown[]): unknown
    all(...params: unknown[]): unknown[]
  }
  class Database {
    constructor(file: string)
    pragma(source: string, options?: { simple: boolean }): unknown
    exec(source: string): this
    prepare(source: string): Statement
    transaction<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void
    close(): void
  }
  export default Database
}
