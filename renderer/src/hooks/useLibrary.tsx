import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react'
import type { LibraryChanged } from '../../../shared/contract'
import { errorMessage } from '../api'
import {
  EMPTY_HISTORY,
  readHistory,
  readCollections,
  readInfo,
  readViews,
  type LibraryState,
} from '../data/library-reads'
import { useCuratorEvent } from './useCuratorEvent'

type ChangeListener = (change: LibraryChanged) => void

interface LibraryContextValue extends LibraryState {
  /** Hooks that hold their own slice (list pages, reader, insights) patch it from here. */
  subscribe(listener: ChangeListener): () => void
}

const LibraryContext = createContext<LibraryContextValue | null>(null)

interface Props {
  onError: (message: string) => void
  children: ReactNode
}

/**
 * The renderer's one subscription to `library:changed`. Main sends it once per request that
 * committed something, saying what changed, so nothing in the renderer refreshes after its own
 * commands: the summary, views and history are re-read here and every other holder of library
 * data (useReviewPages, useReviewDetail, useInsights) patches its slice from the same payload.
 */
export function LibraryProvider({ onError, children }: Props) {
  const [state, setState] = useState<LibraryState>({
    info: null,
    views: [],
    collections: [],
    history: EMPTY_HISTORY,
  })
  const listeners = useRef(new Set<ChangeListener>()).current
  const latestError = useRef(onError)
  useEffect(() => {
    latestError.current = onError
  })
  // Only the newest read lands, whatever order the answers come back in.
  const asked = useRef(0)
  // Any commit can move tag and view counts and adds to the history, so all of them are re-read,
  // and land together: one render of the app per change, not one per answer. Collections live in
  // library.json and count reviews, so only a meta or reviews change can move them; other changes
  // reuse the latest read (awaiting it if it is still on its way, so a newer read never lands an
  // older list).
  const collectionsRead = useRef<ReturnType<typeof readCollections> | null>(null)
  // One read at a time: commits that come while it is on its way are read once, after it. On a
  // large library the summary costs main tens of ms, and a read per quick edit (tag, rate, keep
  // in a row) would queue ahead of the list's next query.
  const reading = useRef(false)
  const readAgain = useRef<boolean | null>(null)
  const readAll = useCallback((collectionsToo: boolean): void => {
    if (reading.current) {
      readAgain.current = (readAgain.current ?? false) || collectionsToo
      return
    }
    reading.current = true
    const mine = ++asked.current
    if (collectionsToo || !collectionsRead.current) {
      const read = readCollections()
      read.catch(() => {
        if (collectionsRead.current === read) collectionsRead.current = null
      })
      collectionsRead.current = read
    }
    Promise.all([readInfo(), readViews(), collectionsRead.current, readHistory()])
      .then(([info, views, collections, history]) => {
        if (mine === asked.current) setState({ info, views, collections, history })
      })
      .catch((error: unknown) => {
        if (mine === asked.current) latestError.current(errorMessage(error))
      })
      .finally(() => {
        reading.current = false
        const again = readAgain.current
        readAgain.current = null
        if (again !== null) readAll(again)
      })
  }, [])
  useEffect(() => readAll(true), [readAll])

  useCuratorEvent('library:changed', (change) => {
    // The rows the user is looking at first: main answers in the order asked, so the list's
    // re-read goes out before the counts and history the sidebar and toolbar show.
    for (const listener of listeners) listener(change)
    readAll(change.reviews || change.meta)
  })

  const subscribe = useCallback(
    (listener: ChangeListener) => {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    [listeners],
  )
  const value = useMemo(() => ({ ...state, subscribe }), [state, subscribe])
  return <LibraryContext.Provider value={value}>{children}</LibraryContext.Provider>
}

function useLibraryContext(): LibraryContextValue {
  const context = useContext(LibraryContext)
  if (!context) throw new Error('useLibrary needs a LibraryProvider above it')
  return context
}

/** The library summary (null until first read), saved views, collections and the undo history. */
export function useLibrary(): LibraryState {
  const { info, views, collections, history } = useLibraryContext()
  return useMemo(() => ({ info, views, collections, history }), [info, views, collections, history])
}

/** Calls `listener` with every `library:changed`; the latest listener is used, unmemoised. */
export function useLibraryChanges(listener: ChangeListener): void {
  const { subscribe } = useLibraryContext()
  const latest = useRef(listener)
  useEffect(() => {
    latest.current = listener
  })
  useEffect(() => subscribe((change) => latest.current(change)), [subscribe])
}
