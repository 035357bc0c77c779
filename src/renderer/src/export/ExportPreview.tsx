/** The preview of an export: its text as it will be saved (long ones cut short). */
export function ExportPreview({
  content
}: {
  content: string
  markdown: boolean
}): React.JSX.Element {
  return (
    <pre aria-label="Preview" tabIndex={0}>
      {content.length > 50_000 ? `${content.slice(0, 50_000)}\n…` : content}
    </pre>
  )
}
