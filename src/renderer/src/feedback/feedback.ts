/** A message to the user: info fades by itself, an error stays until dismissed. */
export interface Message {
  id: number
  kind: 'info' | 'error'
  text: string
  action?: { label: string; run: () => void }
}

/** How long an info message stays, unless the pointer or focus is on it. */
export const INFO_MS = 6000
const MAX_INFO = 3

/** The messages shown at the bottom of the window (see Messages.tsx). */
export class Feedback {
  private messages: Message[] = []
  private readonly listeners = new Set<() => void>()
  private next = 0

  info = (text: string, action?: Message['action']): number => this.add('info', text, action)

  error = (text: string): number => this.add('error', text)

  dismiss = (id: number): void => {
    const rest = this.messages.filter((m) => m.id !== id)
    if (rest.length !== this.messages.length) this.update(rest)
  }

  list = (): Message[] => this.messages

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  private add(kind: Message['kind'], text: string, action?: Message['action']): number {
    const id = ++this.next
    // The same text again replaces the older one (a repeated failure is said once).
    const others = this.messages.filter((m) => m.text !== text)
    const infos = others.filter((m) => m.kind === 'info')
    const dropped = new Set(
      infos.slice(0, Math.max(0, infos.length - MAX_INFO + 1)).map((m) => m.id)
    )
    this.update([
      ...others.filter((m) => kind !== 'info' || !dropped.has(m.id)),
      { id, kind, text, action }
    ])
    return id
  }

  private update(messages: Message[]): void {
    this.messages = messages
    for (const l of [...this.listeners]) l()
  }
}
