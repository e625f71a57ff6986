/** Dutch formatting of dates and times, always in the Netherlands' time zone. */
const TIME_ZONE = 'Europe/Amsterdam';

const dateFormat = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: TIME_ZONE });
const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: TIME_ZONE,
});

/** "6 januari 2025" for a YYYY-MM-DD date or an ISO timestamp. */
export function formatDate(value: string): string {
  // A bare date is a calendar day: read it at noon UTC so no time zone moves it to another day.
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
}

/** "28 november 2026 om 10:32". */
export function formatDateTime(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateTimeFormat.format(date);
}

/** Today's date (YYYY-MM-DD) in the Netherlands. */
export function todayInNetherlands(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
  return parts;
}

export const ROLE_LABELS: Record<string, string> = {
  admin: 'Platformbeheerder',
  coordinator: 'Coördinator',
  partner: 'Partner',
  viewer: 'Meelezer',
};
