import {
  Children,
  useEffect,
  useRef,
  useState,
  type CSSProperties,
  type ReactNode,
  type RefObject,
} from 'react'
import { PANE_LIMITS, type WorkspaceLayout } from '../../../shared/channels/layout'
import { PaneSeparator } from './PaneSeparator'

/** The list never gets narrower than this while the other panes can give way. */
export const LIST_MIN = 400
/** The reader's share of the window until the user sizes it. */
const READER_DEFAULT = '36%'

interface Props {
  layout: WorkspaceLayout
  onChange: (update: (layout: WorkspaceLayout) => WorkspaceLayout) => void
  /** The sidebar, the list and the reader, in that order; further children follow them. */
  children: ReactNode
}

/** The width an element is drawn at, kept up to date as the window or the panes change. */
function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0)
  useEffect(() => {
    const element = ref.current
    if (!element) return
    const observer = new ResizeObserver(() => setWidth(element.getBoundingClientRect().width))
    observer.observe(element)
    return () => observer.disconnect()
  }, [ref])
  return width
}

/**
 * The workspace's three panes with a separator between each: drag or arrow keys resize, Enter
 * (or a double click) collapses the sidebar or the reader. Widths are maxima: the grid gives way
 * before the list falls under LIST_MIN, so a narrow window never cuts the headlines short.
 * Drags are drawn from a draft here and written once, when they end.
 */
export function PaneLayout({ layout, onChange, children }: Props) {
  const [sidebar, list, reader, ...rest] = Children.toArray(children)
  const sidebarRef = useRef<HTMLDivElement>(null)
  const readerRef = useRef<HTMLDivElement>(null)
  const sidebarWidth = useWidth(sidebarRef)
  const readerWidth = useWidth(readerRef)
  const [draft, setDraft] = useState<{ sidebar?: number | null; reader?: number | null }>({})

  const side = layout.sidebar
  const read = layout.reader
  const sideMax = draft.sidebar ?? side.width
  const readMax = draft.reader ?? read.width
  const track = (collapsed: boolean, min: number, max: string) =>
    collapsed ? '0px' : `minmax(${min}px, ${max})`
  const style: CSSProperties = {
    gridTemplateColumns: [
      track(side.collapsed, PANE_LIMITS.sidebar.min, `${sideMax}px`),
      'var(--separator-size)',
      `minmax(${LIST_MIN}px, 1fr)`,
      'var(--separator-size)',
      track(
        read.collapsed,
        PANE_LIMITS.reader.min,
        readMax === null ? READER_DEFAULT : `${readMax}px`,
      ),
    ].join(' '),
  }
  const measure = (ref: RefObject<HTMLDivElement | null>) => () =>
    ref.current?.getBoundingClientRect().width ?? 0

  return (
    <main className="workspace panes" style={style}>
      <div ref={sidebarRef} id="pane-sidebar" className="pane pane-sidebar" hidden={side.collapsed}>
        {sidebar}
      </div>
      <PaneSeparator
        label="Resize the library sidebar"
        controls="pane-sidebar"
        className="separator-sidebar"
        value={sidebarWidth}
        min={PANE_LIMITS.sidebar.min}
        max={PANE_LIMITS.sidebar.max}
        grow={1}
        collapsed={side.collapsed}
        measure={measure(sidebarRef)}
        onDraft={(width) => setDraft((d) => ({ ...d, sidebar: width }))}
        onCommit={(width) => onChange((l) => ({ ...l, sidebar: { width, collapsed: false } }))}
        onToggle={() =>
          onChange((l) => ({ ...l, sidebar: { ...l.sidebar, collapsed: !l.sidebar.collapsed } }))
        }
      />
      <div className="pane pane-list">{list}</div>
      <PaneSeparator
        label="Resize the reader"
        controls="pane-reader"
        className="separator-reader"
        value={readerWidth}
        min={PANE_LIMITS.reader.min}
        max={PANE_LIMITS.reader.max}
        grow={-1}
        collapsed={read.collapsed}
        measure={measure(readerRef)}
        onDraft={(width) => setDraft((d) => ({ ...d, reader: width }))}
        onCommit={(width) => onChange((l) => ({ ...l, reader: { width, collapsed: false } }))}
        onToggle={() =>
          onChange((l) => ({ ...l, reader: { ...l.reader, collapsed: !l.reader.collapsed } }))
        }
      />
      <div ref={readerRef} id="pane-reader" className="pane pane-reader" hidden={read.collapsed}>
        {reader}
      </div>
      {rest}
    </main>
  )
}

interface TogglesProps {
  layout: WorkspaceLayout
  onChange: Props['onChange']
}

/** Show or hide the sidebar and the reader (also Enter on their separators). */
export function PaneToggles({ layout, onChange }: TogglesProps) {
  return (
    <>
      <button
        type="button"
        className="quiet pane-toggle"
        aria-label="Sidebar"
        aria-pressed={!layout.sidebar.collapsed}
        aria-controls="pane-sidebar"
        title="Show or hide the library sidebar"
        onClick={() =>
          onChange((l) => ({ ...l, sidebar: { ...l.sidebar, collapsed: !l.sidebar.collapsed } }))
        }
      >
        <span aria-hidden="true">◧</span>
      </button>
      <button
        type="button"
        className="quiet pane-toggle"
        aria-label="Reader"
        aria-pressed={!layout.reader.collapsed}
        aria-controls="pane-reader"
        title="Show or hide the reader"
        onClick={() =>
          onChange((l) => ({ ...l, reader: { ...l.reader, collapsed: !l.reader.collapsed } }))
        }
      >
        <span aria-hidden="true">◨</span>
      </button>
    </>
  )
}
