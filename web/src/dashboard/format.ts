import type { Lang } from './i18n';

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

/** A count in the language's format (French: narrow no-break space between thousands, comma for decimals). */
export function formatNumber(lang: Lang, n: number): string {
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 2 }).format(n);
}

/** A calendar date `YYYY-MM-DD` in the language's long format (« 22 janvier 2024 »), read as UTC so no time zone shifts it. */
export function formatDate(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

/** An instant (ISO 8601 date-time) in the language's format, to the minute, in UTC (« 4 décembre 2026 à 22:15 UTC »). */
export function formatDateTime(lang: Lang, iso: string): string {
  return `${new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso))} UTC`;
}
