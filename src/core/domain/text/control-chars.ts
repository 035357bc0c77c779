/**
 * Control characters that a terminal or another program may act on: C0 controls but line feed and
 * tab, DEL, and the C1 controls (U+0080–U+009F: a lone U+009B starts an escape sequence in many
 * terminals). Documents are untrusted: their titles, texts and notes never reach a terminal or
 * an exported file with these in them.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g

const hex = (c: string): string => c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')

/**
 * For a terminal: each control character shown as its code (ESC as "\x1B"), so that nothing runs.
 * A carriage return before a line feed stays (CSV lines end so); a lone one, which would let text
 * overwrite what was printed before it, is shown.
 */
export const terminalSafe = (s: string): string =>
  s.replace(CONTROL_CHARS, (c, at: number) =>
    c === '\r' && s[at + 1] === '\n' ? c : `\\x${hex(c)}`
  )

/** For exported files: control characters dropped (carriage returns become line breaks first). */
export const withoutControls = (s: string): string =>
  s.replace(/\r\n?/g, '\n').replace(CONTROL_CHARS, '')

/** JSON whose strings spell out C1 controls and line separators as \u escapes (JSON.stringify leaves them raw). */
export const safeJson = (value: unknown, indent?: number): string =>
  JSON.stringify(value, null, indent).replace(
    /[\u007f-\u009f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
