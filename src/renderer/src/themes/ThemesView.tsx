import { AddToAnalysis } from '../analysis/AddToAnalysis'
import { useMemo, useState } from 'react'
import {
  gradeFilterLabel,
  matchesGradeFilter,
  type GradeFilter
} from '../../../shared/grade-filters'
import type { Passage, TagView } from '../../../shared/model'
import type { EffectiveGrade } from '../../../shared/reliability'
import { originIndex, passagesAndOrigins } from '../../../shared/origin-counts'
import { formatCount } from '../format'
import { usePerform } from '../hooks/use-action'
import { useFetch } from '../hooks/use-fetch'
import { useTags } from '../hooks/use-workspace'
import { GradeBadge } from '../reliability/GradeBadge'
import { useDocumentGrades, useHighlightGrades, useOrigins } from '../reliability/use-grades'
import { useClient, useCommands } from '../state/app-context'
import { GradeFilterControl } from './GradeFilterControl'
import { TagDetails } from './TagDetails'

/** Total passages under each tag, its sub-tags included. */
function totals(tags: TagView[]): Map<string, number> {
  const out = new Map<string, number>()
  for (const t of tags) {
    let sum = 0
    for (const u of tags) if (u.path === t.path || u.path.startsWith(`${t.path}/`)) sum += u.count
    out.set(t.id, sum)
  }
  return out
}

const NO_PASSAGES: Passage[] = []

/** "3 passages from 2 origins": documents joined by confirmed derivation links are one origin. */
const fromOrigins = (counts: { passages: number; origins: number }): string =>
  `${formatCount(counts.passages, 'passage')} from ${formatCount(counts.origins, 'origin')}`

/** The codebook as a tree with counts; choosing a theme lists every passage on it across all documents. */
export function ThemesView(): React.JSX.Element {
  const client = useClient()
  const commands = useCommands()
  const perform = usePerform()
  const tags = useTags()
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [newTag, setNewTag] = useState('')
  const [gradeFilter, setGradeFilter] = useState<GradeFilter | null>(null)
  const selected = tags.find((t) => t.id === selectedId) ?? null
  const sums = totals(tags)
  const passages = useFetch(
    selectedId ? `passages:${selectedId}` : null,
    ['passages'],
    () => client.call('listPassages', selectedId ?? ''),
    { report: true }
  )

  const paths = new Map(tags.map((t) => [t.id, t.path]))
  const all = passages.data ?? NO_PASSAGES
  const origins = useOrigins()
  const originOf = useMemo(() => originIndex(origins), [origins])
  const docGrades = useDocumentGrades()
  const highlightGrades = useHighlightGrades(all.map((p) => p.annotation.docId))
  // A highlight's own grade once it has arrived; its document's until then.
  type Shown = Pick<EffectiveGrade, 'reliability' | 'credibility' | 'badge'>
  const gradeOf = (p: Passage): Shown | null =>
    highlightGrades.get(p.annotation.id) ?? docGrades.get(p.annotation.docId) ?? null
  const shown = gradeFilter
    ? all.filter((p) => {
        const g = gradeOf(p)
        return g !== null && matchesGradeFilter(gradeFilter, g)
      })
    : all
  return (
    <div className="themes">
      <section className="codebook" aria-label="Codebook">
        <h2>Codebook</h2>
        <form
          className="new-tag"
          onSubmit={(e) => {
            e.preventDefault()
            const path = newTag.trim()
            if (!path) return
            void perform('create tag', 'createTag', { path }).then((tag) => {
              if (!tag) return
              setNewTag('')
              setSelectedId(tag.id)
            })
          }}
        >
          <input
            aria-label="New tag"
            placeholder="New tag, e.g. Actors/Lazarus Group"
            value={newTag}
            onChange={(e) => setNewTag(e.target.value)}
          />
          <button type="submit">Add</button>
        </form>
        {tags.length === 0 ? (
          <p className="hint">
            No tags yet. Add one here, or type one in the Tags box of a highlight.
          </p>
        ) : (
          <ul className="tag-tree" aria-label="Tags">
            {tags.map((t) => (
              <li key={t.id} style={{ paddingLeft: `${(t.path.split('/').length - 1) * 16}px` }}>
                <button
                  type="button"
                  aria-current={t.id === selectedId ? 'true' : undefined}
                  onClick={() => setSelectedId(t.id)}
                >
                  <span className="swatch" style={{ background: t.color }} aria-hidden="true" />
                  <span className="tag-name">{t.name}</span>
                  <span className="tag-count" aria-label={`${sums.get(t.id) ?? 0} passages`}>
                    {sums.get(t.id) ?? 0}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section
        className="theme-passages"
        aria-label={selected ? `Passages tagged ${selected.path}` : 'Passages'}
      >
        {selected ? (
          <>
            <TagDetails
              key={selected.id}
              tag={selected}
              tags={tags}
              onDeleted={() => setSelectedId(null)}
            />
            <button
              type="button"
              className="copy-theme"
              onClick={() => void commands.copyMarkdown({ tagIds: [selected.id] })}
              disabled={shown.length === 0}
            >
              Copy as Markdown
            </button>
            <h3>
              {all.length} passage{all.length === 1 ? '' : 's'} on {selected.path}
              {tags.some((t) => t.path.startsWith(`${selected.path}/`)) ? ' and its sub-tags' : ''}
            </h3>
            <div className="theme-summary">
              <p
                className="theme-origins"
                title="Documents joined by confirmed derivation links count as one origin"
              >
                {fromOrigins(
                  passagesAndOrigins(
                    all.map((p) => p.annotation),
                    originOf
                  )
                )}
              </p>
              <GradeFilterControl value={gradeFilter} onChange={setGradeFilter} />
            </div>
            {gradeFilter && (
              <p className="theme-filtered" role="status">
                {shown.length === 0
                  ? `No passage here is ${gradeFilterLabel(gradeFilter)}.`
                  : `Showing ${shown.length} of ${all.length}, ${gradeFilterLabel(gradeFilter)}: ${fromOrigins(
                      passagesAndOrigins(
                        shown.map((p) => p.annotation),
                        originOf
                      )
                    )}.`}
              </p>
            )}
            <ol className="passage-list">
              {shown.map(({ annotation: a, docTitle }) => {
                const g = gradeOf({ annotation: a, docTitle })
                return (
                  <li key={a.id} className="passage">
                    <button
                      type="button"
                      className="passage-open"
                      onClick={() => commands.openPassage(a)}
                      aria-label={`Open “${a.quote.exact.slice(0, 60)}” in ${docTitle}`}
                    >
                      <blockquote className={`color-${a.color}`}>{a.quote.exact}</blockquote>
                    </button>
                    <div className="passage-meta">
                      {g && (
                        <GradeBadge
                          reliability={g.reliability}
                          credibility={g.credibility}
                          badge={g.badge}
                        />
                      )}
                      <p className="passage-source">
                        {docTitle}
                        {a.status === 'orphaned' ? ' (orphaned)' : ''}
                      </p>
                    </div>
                    {a.note && <p className="passage-note">{a.note}</p>}
                    <p className="passage-tags">
                      {a.tags.map((t) => `#${paths.get(t) ?? '?'}`).join(' ')}
                    </p>
                    <AddToAnalysis annotationId={a.id} />
                  </li>
                )
              })}
            </ol>
          </>
        ) : (
          <p className="hint">
            Choose a theme to see every passage tagged with it, across all documents.
          </p>
        )}
      </section>
    </div>
  )
}
