import { Parser } from 'htmlparser2'

/** The parts of a .docx archive, read within the archive's inflate budget. */
export interface PartReader {
  exists(name: string): boolean
  read(name: string): Promise<Uint8Array>
}

const OFFICE_DOCUMENT =
  /^https?:\/\/(?:schemas\.openxmlformats\.org\/officeDocument\/2006|purl\.oclc\.org\/ooxml\/officeDocument)\/relationships\/officeDocument$/

/** The relationships of the main part (its numbering, styles, notes and comments parts). */
export async function mainRelationships(
  parts: PartReader,
  main: string
): Promise<{ type: string; target: string }[]> {
  const folder = main.includes('/') ? main.slice(0, main.lastIndexOf('/')) : ''
  const relsName = `${folder ? `${folder}/` : ''}_rels/${main.slice(folder ? folder.length + 1 : 0)}.rels`
  if (!parts.exists(relsName)) return []
  return relationships(new TextDecoder().decode(await parts.read(relsName)), folder)
}

/** The main document part: the target of the package's officeDocument relationship. */
export async function mainPart(parts: PartReader): Promise<string | null> {
  if (parts.exists('_rels/.rels')) {
    const rels = new TextDecoder().decode(await parts.read('_rels/.rels'))
    for (const rel of relationships(rels, '')) {
      if (OFFICE_DOCUMENT.test(rel.type) && parts.exists(rel.target)) return rel.target
    }
  }
  return parts.exists('word/document.xml') ? 'word/document.xml' : null
}

/** The relationships of a .rels part, with targets resolved against `base` (a folder). */
export function relationships(xml: string, base: string): { type: string; target: string }[] {
  const out: { type: string; target: string }[] = []
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name.replace(/^.*:/, '').toLowerCase() !== 'relationship') return
        if (attribs.TargetMode?.toLowerCase() === 'external') return
        const target = attribs.Target ?? ''
        out.push({
          type: attribs.Type ?? '',
          target: resolvePath(target.startsWith('/') ? '' : base, target)
        })
      }
    },
    { xmlMode: true }
  )
  parser.write(xml)
  parser.end()
  return out
}

function resolvePath(base: string, target: string): string {
  const out: string[] = []
  for (const seg of `${base}/${target}`.split('/')) {
    if (seg === '' || seg === '.') continue
    if (seg === '..') out.pop()
    else out.push(seg)
  }
  return out.join('/')
}
