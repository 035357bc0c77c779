import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { validateXML } from 'xmllint-wasm'

const XSD = fileURLToPath(
  new URL('../core/domain/exchange/qdpx/schema/Project-mrt2019.xsd', import.meta.url)
)
let schema: string | undefined

/** The QDA-XML 1.0 schema's complaints about a project.qde (none: valid), from libxml2 compiled to WebAssembly. */
export async function qdaSchemaErrors(xml: string): Promise<string[]> {
  schema ??= readFileSync(XSD, 'utf8')
  const result = await validateXML({
    xml: [{ fileName: 'project.qde', contents: xml }],
    schema: [{ fileName: 'Project-mrt2019.xsd', contents: schema }],
    maxMemoryPages: 4096
  })
  return result.valid ? [] : result.errors.map((e) => e.message)
}
