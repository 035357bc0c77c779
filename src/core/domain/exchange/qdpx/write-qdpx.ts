import JSZip from 'jszip'
import type { QdaProject } from './project'
import { renderProject, type WriteOptions } from './write-project'

/** A .qdpx archive: project.qde and the sources/ texts it points to. Dates in the zip are fixed, so the same project gives the same bytes. */
export async function writeQdpx(
  project: QdaProject,
  options: WriteOptions = {}
): Promise<{ bytes: Uint8Array; skipped: string[] }> {
  const rendered = renderProject(project, options)
  const zip = new JSZip()
  const date = new Date(Date.UTC(2019, 2, 18))
  zip.file('project.qde', rendered.xml, { date })
  for (const s of rendered.sources) zip.file(s.path, s.text, { date })
  const bytes = await zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 }
  })
  return { bytes, skipped: rendered.skipped }
}
