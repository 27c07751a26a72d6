/** Purely visual: the drop itself is handled on the window, so this never takes events. */
export function DropOverlay() {
  return (
    <div className="drop-overlay" aria-hidden="true">
      <p>Drop a saved reviews page to import it</p>
    </div>
  )
}
