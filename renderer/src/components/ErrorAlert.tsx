interface Props {
  message: string
  onDismiss: () => void
}

/** Mounted only while there is an error, so screen readers announce it on arrival. */
export function ErrorAlert({ message, onDismiss }: Props) {
  return (
    <div className="error-alert" role="alert">
      <div className="error-text">
        {message.split('\n').map((line, i) => (
          <p key={i}>{line}</p>
        ))}
      </div>
      <button type="button" className="quiet" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  )
}
