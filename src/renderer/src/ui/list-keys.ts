import type { KeyboardEvent } from 'react'

/**
 * Up, Down, Home and End move the focus between the buttons of a list (`selector` inside the
 * element the keys were pressed in); other keys are left alone. True when a key was taken.
 */
export function moveInList(e: KeyboardEvent<HTMLElement>, selector: string): boolean {
  if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return false
  const buttons = Array.from(e.currentTarget.querySelectorAll<HTMLElement>(selector))
  if (buttons.length === 0) return false
  const at = buttons.indexOf(document.activeElement as HTMLElement)
  const next =
    e.key === 'Home'
      ? 0
      : e.key === 'End'
        ? buttons.length - 1
        : e.key === 'ArrowDown'
          ? Math.min(buttons.length - 1, at + 1)
          : Math.max(0, at - 1)
  buttons[next]?.focus()
  e.preventDefault()
  return true
}
