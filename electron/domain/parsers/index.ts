// The parsers' public API: bytes → text (decodeDump, or decodeDumpSteps in slices), text → reviews (parseDump, or parseDumpSteps
// for time-sliced parsing of large dumps with progress and cancellation). Callers import from here;
// the modules behind it are private to this folder.
//
// Layout families: IMDb title reviews as text (desktop, newer desktop with the byline after the
// body, mobile), per-user review lists, single-review pages, older layouts, saved HTML of any of
// them; best-effort generic review lists (`generic: true`); JSON, JSON Lines, CSV and TSV with
// column mapping (`columns`, `options.mapping`, `options.ratingScale`). Every refusal is a
// BadInputError naming the file; a tabular dump without a text column throws MappingNeededError,
// which carries the columns for the mapping step.
export { decodeDump, decodeDumpSteps, normaliseText, type DecodedDump } from './decode-text'
export { detectFormat, detectWithFamily } from './detect-family'
export { parseDump, parseDumpSteps } from './parse-dump'
export { runSteps, type ParseProgress, type ParseSteps } from './parse-util'
export { MappingNeededError } from './tabular/parse-tabular'
