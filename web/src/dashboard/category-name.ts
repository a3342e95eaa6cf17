/**
 * A data category's name in the page's language: in French its `nameFr` (the CNIL's words where
 * it has them, e.g. « Numéro de sécurité sociale (NIR) »), in English its `name`. Falls back to
 * `name` when the category has no French name (null, absent or blank: a graph seeded before
 * French names existed, or an operation that did not select `nameFr`). `lang` is i18n.ts's `Lang`,
 * spelt out rather than imported so that this file stays free of React and the API's tests can
 * import it (a language added to `Lang` then fails the web typecheck where the views call this).
 */
export function categoryName(category: { name: string; nameFr?: string | null }, lang: 'fr' | 'en'): string {
  if (lang === 'fr' && category.nameFr && category.nameFr.trim() !== '') return category.nameFr;
  return category.name;
}
