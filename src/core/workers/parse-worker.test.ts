import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')

/** Every module a TypeScript file loads when it runs (type-only imports left out), with itself. */
function runtimeGraph(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>()
  const packages = new Set<string>()
  const visit = (file: string): void => {
    if (files.has(file)) return
    files.add(file)
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest)
    for (const node of source.statements) {
      let specifier: ts.Expression | undefined
      if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly)
        specifier = node.moduleSpecifier
      if (ts.isExportDeclaration(node) && !node.isTypeOnly) specifier = node.moduleSpecifier
      if (!specifier || !ts.isStringLiteral(specifier)) continue
      const name = specifier.text
      if (!name.startsWith('.')) {
        packages.add(name)
        continue
      }
      const base = resolve(dirname(file), name)
      const target = [`${base}.ts`, join(base, 'index.ts'), base].find((f) => existsSync(f))
      if (!target) throw new Error(`cannot resolve ${name} from ${file}`)
      visit(target)
    }
  }
  visit(entry)
  return { files: [...files].map((f) => relative(root, f)).sort(), packages: [...packages].sort() }
}

describe('the parser worker', () => {
  it('loads no part of the search engine (it only counts the words of chunks)', () => {
    const { files, packages } = runtimeGraph(join(root, 'core/workers/parse-worker.ts'))
    expect(files).toContain('core/domain/search/count-chunks.ts')
    expect(files.filter((f) => f.startsWith('core/engine/'))).toEqual([])
    expect(files.filter((f) => f.startsWith('core/features/'))).toEqual([])
    expect(packages.filter((p) => p.startsWith('minisearch'))).toEqual([])
  })
})
