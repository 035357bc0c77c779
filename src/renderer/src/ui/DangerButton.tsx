import type { ButtonHTMLAttributes } from 'react'

/** A button for something that removes or deletes: red, outlined unless `solid` (the confirming one). */
export function DangerButton({
  solid = false,
  className,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { solid?: boolean }): React.JSX.Element {
  return (
    <button
      type="button"
      {...props}
      className={[solid ? 'danger' : 'danger-outline', className].filter(Boolean).join(' ')}
    />
  )
}
