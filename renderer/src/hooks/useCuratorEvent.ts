import { useEffect, useRef } from 'react'
import type { EventName, Events } from '../../../shared/contract'
import { onEvent } from '../api'

/** Subscribes once per event name; the latest listener is used so callers need not memoise it. */
export function useCuratorEvent<E extends EventName>(
  event: E,
  listener: (payload: Events[E]) => void,
): void {
  const latest = useRef(listener)
  useEffect(() => {
    latest.current = listener
  })
  useEffect(() => onEvent(event, (payload) => latest.current(payload)), [event])
}
