// C0 controls other than tab and line feed, DEL, and C1 controls.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g
const LINE_CONTROL = /[\u0000-\u001F\u007F-\u009F]/g

/**
 * Removes control characters a reader cannot have meant to type. Multi-line text keeps tabs and
 * line breaks (CR LF and lone CR become LF); single-line text keeps neither.
 */
export function stripControlCharacters(value: string, { multiline }: { multiline: boolean }) {
  if (!multiline) return value.replace(LINE_CONTROL, '')
  return value.replace(/\r\n?/g, '\n').replace(CONTROL, '')
}
