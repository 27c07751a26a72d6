// Focus rules, shared by every component (issue 13). After any action the keyboard stays where
// the user acted, or moves to the obvious next place; it never falls to <body>, where the next
// letters would be lost or, worse, taken for shortcuts.
//
// 1. A field is never disabled while its change saves (it turns read-only): a disabled element
//    drops focus to <body>.
// 2. A control that disappears because it did its job (an offered tag, a chip's ×, Save
//    highlight, Reveal spoilers) hands focus to the obvious next place: the field it fed, the
//    button that opens it again, the text it revealed. When R, J or K replace the review that
//    had the keyboard in the reader, it goes to the next review's text.
// 3. Esc in any field hands the keyboard back to the review list (the field keeps its text).
// 4. A dialog opens on its first field (not on its Close button) and returns focus to its opener
//    on close; when the opener is gone or disabled (the "Try the sample" button, a busy toolbar
//    button), and always for the import report, focus goes to the review list.
// 5. Single-key shortcuts act only while focus is in the list or the reader (SHORTCUT_SCOPE), so
//    a key pressed on a toolbar, a sidebar or a dialog never curates a review.

/** Marks the regions whose focus lets single-key shortcuts act: the list and the reader. */
export const SHORTCUT_SCOPE = 'data-shortcut-scope'

export function reviewList(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[role="listbox"][aria-label="Reviews"]')
}

export function focusReviewList(): void {
  reviewList()?.focus()
}

/** Whether focus is where single-key shortcuts may act (rule 5). */
export function inShortcutScope(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(`[${SHORTCUT_SCOPE}]`) !== null
}

/** Whether nothing in particular has focus: the document itself. */
export function focusIsLost(): boolean {
  const active = document.activeElement
  return active === null || active === document.body || active === document.documentElement
}

/** Rule 4: back to the opener when it can still take focus, else to the review list. */
export function restoreFocus(opener: Element | null): void {
  if (opener instanceof HTMLElement && opener.isConnected && opener !== document.body) {
    opener.focus()
  }
  if (focusIsLost()) focusReviewList()
}

/** Rule 2: focus the element once React has rendered it (it may not exist yet). */
export function focusWhenRendered(find: () => HTMLElement | null | undefined, frames = 10): void {
  const element = find()
  if (element && element.isConnected) {
    element.focus()
    return
  }
  if (frames > 0) requestAnimationFrame(() => focusWhenRendered(find, frames - 1))
}
