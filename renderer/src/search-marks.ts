// The renderer's name for the shared matcher, so components import it from one place.
export { matchRanges, searchTerms, type MarkRange } from '../../shared/search-marks'
