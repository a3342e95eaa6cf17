import type { ExposureRow } from '../breach/breach.rows';

/**
 * The exposures of a breach that concern a contract reached through paths carrying
 * `categoryIds`: the breach's exposures about insured people's data that are not stated NOT
 * exposed (EXPOSED or CLAIMED, scope ALL or SOME_INSURERS…), of a category the paths carry, in the
 * breach's order. The one rule behind `AffectedContract.exposures` and the mailing export, so both
 * list the same categories with the same caveats.
 */
export function exposuresOfContract(breachExposures: readonly ExposureRow[], categoryIds: Iterable<string>): ExposureRow[] {
  const ids = new Set(categoryIds);
  return breachExposures.filter((x) => x.subjects === 'INSURED' && x.status !== 'NOT_EXPOSED' && ids.has(x.categoryId));
}

/**
 * The exposures among {@link exposuresOfContract}'s that are stated EXPOSED for every insured
 * person (scope ALL): `AffectedContract.exposedCategories`, the categories a member can be told
 * were taken without a caveat.
 */
export function confirmedExposures(exposures: readonly ExposureRow[]): ExposureRow[] {
  return exposures.filter((x) => x.status === 'EXPOSED' && x.scope === 'ALL');
}
