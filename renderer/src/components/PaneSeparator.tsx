import { useRef, type KeyboardEvent, type PointerEvent } from 'react'

interface Props {
  /** Says what it resizes, e.g. "Resize the library sidebar". */
  label: string
  /** Id of the pane (or column header) it resizes. */
  controls: string
  /** The current width in pixels, as shown. */
  value: number
  min: number
  max: number
  /** +1 when dragging right widens the pane (it is left of the separator), -1 when it narrows it. */
  grow: 1 | -1
  /** Pixels per arrow key press; Shift moves four steps. */
  step?: number
  collapsed?: boolean
  /** False for column handles: the header's own keys reach them, not Tab. */
  tabbable?: boolean
  className?: string
  /** The width now shown; the drag start is measured, since a pane may be narrower than asked. */
  measure: () => number
  /** Each move of a drag, to draw the new width without remembering it yet. */
  onDraft?: (width: number | null) => void
  /** The width chosen: at the end of a drag, or on each key press. */
  onCommit: (width: number) => void
  /** Enter or a double click collapses the pane or brings it back (the window-splitter pattern). */
  onToggle?: () => void
}

/**
 * A draggable, focusable splitter (WAI-ARIA window splitter): arrows resize, Home and End go to
 * the limits, Enter collapses. The value is the width of the pane it controls.
 */
export function PaneSeparator(props: Props) {
  const { value, min, max, grow, step = 16, collapsed = false, onDraft, onCommit } = props
  const drag = useRef<{ x: number; from: number; width: number } | null>(null)
  const clamp = (w: number) => Math.round(Math.min(max, Math.max(min, w)))

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return
    event.preventDefault()
    event.currentTarget.setPointerCapture(event.pointerId)
    event.currentTarget.focus()
    const from = collapsed ? min : props.measure()
    drag.current = { x: event.clientX, from, width: from }
  }
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const d = drag.current
    if (!d) return
    d.width = clamp(d.from + grow * (event.clientX - d.x))
    onDraft?.(d.width)
  }
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    const d = drag.current
    if (!d) return
    drag.current = null
    event.currentTarget.releasePointerCapture(event.pointerId)
    onDraft?.(null)
    // A click without movement changes nothing (double click toggles).
    if (d.width !== d.from || collapsed) onCommit(d.width)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const by = step * (event.shiftKey ? 4 : 1)
    const from = collapsed ? min : props.measure()
    const targets: Record<string, number> = {
      ArrowLeft: from - grow * by,
      ArrowRight: from + grow * by,
      Home: min,
      End: max,
    }
    if (event.key === 'Enter' && props.onToggle) {
      event.preventDefault()
      props.onToggle()
      return
    }
    const target = targets[event.key]
    if (target === undefined) return
    event.preventDefault()
    onCommit(clamp(target))
  }

  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={props.label}
      aria-controls={props.controls}
      aria-valuenow={collapsed ? 0 : Math.round(value)}
      aria-valuemin={props.onToggle ? 0 : min}
      aria-valuemax={max}
      tabIndex={props.tabbable === false ? -1 : 0}
      className={['separator', props.className ?? '', collapsed ? 'collapsed' : '']
        .join(' ')
        .trim()}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onDoubleClick={props.onToggle}
      onKeyDown={onKeyDown}
    />
  )
}
