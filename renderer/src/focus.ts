// Focus rules the components share: Esc in a field hands the keyboard back to the review list,
// where the single-key shortcuts live, instead of leaving the caret in the field.

export function focusReviewList(): void {
  document.querySelector<HTMLElement>('[role="listbox"][aria-label="Reviews"]')?.focus()
}
