// A spreadsheet runs a cell that starts with one of these as a formula (CWE-1236). Review text is
// written by strangers, so such cells get a leading apostrophe, which Excel, LibreOffice and
// Google Sheets all show as plain text.
const FORMULA_START = /^[=+\-@\t\r]/

export function guardCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value
}
