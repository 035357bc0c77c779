/**
 * Test articles of our own, about a fictional event: a press release, three rewrites of it (one
 * quoting it word for word, one copying a passage with edits and no attribution, one reusing
 * another paragraph), a paraphrase whose only link is its "Source:" line, and an unrelated
 * article. Every one ends with the same site footer, which is boilerplate.
 */

export const FOOTER =
  'Regional desk: our coverage of Norvenia, Estmark and Lorrin is collected on the coastal affairs page, updated every weekday morning.'

/** The joint statement as the release gives it (without its final full stop). */
export const STATEMENT =
  "Through the patrol compact, Norvenia, Estmark and Lorrin will share vessel tracking data every six hours, open their harbours to each other's inspection boats, and refer suspected illegal catches to a joint review panel that meets in Kessvik each quarter. The three ministries also agreed to fund two research cruises a year on the state of the herring stocks"

/** The same statement, edited in ten places (words changed, added or dropped). */
export const EDITED_STATEMENT =
  "Through the patrol compact, Norvenia, Estmark and Lorrin will share ship tracking data every twelve hours, open their ports to each other's patrol boats, and send suspected illegal catches to a review panel that meets in Kessvik every quarter. The ministries also agreed to pay for two research cruises a year on the health of the herring stocks"

export const BACKGROUND =
  'Illegal fishing in the Skarn Sea costs the three states an estimated 40 million crowns a year, according to figures the ministry published in March, and inspection boats currently cannot follow a suspect vessel across a maritime border'

export const EDITED_BACKGROUND =
  'Illegal fishing in the Skarn Sea is estimated to cost the three states 40 million crowns a year, according to figures published by the ministry in March, and inspection boats currently cannot follow a suspect vessel across a maritime border'

export const RELEASE = `Press release from the Ministry of Coastal Affairs of Norvenia
14 October

Norvenia, Estmark and Lorrin sign a fisheries patrol compact

Ministers of the three coastal states met in Harrowgate on Monday and Tuesday and signed a compact on joint patrols against illegal fishing.

In a joint statement the ministers said: ${STATEMENT}.

${BACKGROUND}. Under the compact a patrol may continue a pursuit for up to twenty nautical miles into a neighbour's waters.

Minister Aldis Varro called the agreement overdue and thanked the fishing cooperatives for their patience.

${FOOTER}`

export const VERBATIM_REWRITE = `Three-nation deal on fishing patrols

Harrowgate — Fishing inspectors will soon be able to cross maritime borders in pursuit of poachers. Announcing the deal, the ministers of the three countries released a statement which read: “${STATEMENT}.”

Cooperatives on the Lorrin coast welcomed the news but said they would wait to see the first patrols.

${FOOTER}`

export const EDITED_REWRITE = `Poaching crackdown agreed in Harrowgate

People close to the talks describe weeks of haggling over the wording. ${EDITED_STATEMENT}.

Fishing crews in Estmark remain sceptical; one skipper told this paper that boats had heard promises like these before.

${FOOTER}`

export const BACKGROUND_REWRITE = `Why the Skarn Sea needs joint patrols

Trawler captains have complained for years about foreign boats slipping over the line. ${EDITED_BACKGROUND}. That last point, officials hope, is now settled.

${FOOTER}`

export const PARAPHRASE = `Neighbours join forces at sea

The coastal ministries of the region have promised to swap ship positions several times a day and to let each other's inspectors into port. Suspicious hauls will go before a shared panel. Scientists also get money for surveys of herring.

Source: Norvenian Ministry of Coastal Affairs

${FOOTER}`

export const UNRELATED = `Kessvik tram line to close for summer works

The eastern tram line will stop running from June to August while the city replaces rails laid in the 1970s. Replacement buses will leave every eight minutes from the station forecourt, and the council says journeys will take about ten minutes longer than usual.

${FOOTER}`

export const ARTICLES = {
  release: RELEASE,
  verbatim: VERBATIM_REWRITE,
  edited: EDITED_REWRITE,
  background: BACKGROUND_REWRITE,
  paraphrase: PARAPHRASE,
  unrelated: UNRELATED
} as const

export type ArticleId = keyof typeof ARTICLES
