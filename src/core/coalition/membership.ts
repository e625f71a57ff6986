/**
 * The dynamic coalition (seed 3.2: "tussentijds moeten partijen of nieuwe initiatiefnemers kunnen
 * toetreden. Ook is het mogelijk dat er onderweg partijen afhaken"): memberships with join and leave
 * dates and reasons. An organisation can leave and join again later, but its periods never overlap.
 */
import { DomainError, type FieldIssue } from '../errors.ts';

export interface MembershipPeriod {
  id: string;
  organisationId: string;
  /** YYYY-MM-DD */
  joinedOn: string;
  joinReason: string;
  leftOn: string | null;
  leaveReason: string | null;
}

/** Whether [aStart, aEnd) and [bStart, bEnd) overlap; a missing end is open (still a member). */
function overlaps(a: MembershipPeriod, b: MembershipPeriod): boolean {
  const aEnd = a.leftOn ?? '9999-12-31';
  const bEnd = b.leftOn ?? '9999-12-31';
  return a.joinedOn < bEnd && b.joinedOn < aEnd;
}

/**
 * Checks one membership against the others: dates in order and not in the future, a reason for
 * leaving, no overlap with another period of the same organisation.
 */
export function validateMembership(
  next: MembershipPeriod,
  others: MembershipPeriod[],
  context: { today: string },
): void {
  const issues: FieldIssue[] = [];
  if (next.joinReason.trim() === '')
    issues.push({ path: ['joinReason'], message: 'waarom doet deze partij mee?' });
  if (next.joinedOn > context.today)
    issues.push({ path: ['joinedOn'], message: 'mag niet in de toekomst liggen' });
  if (next.leftOn !== null) {
    if (next.leftOn < next.joinedOn)
      issues.push({ path: ['leftOn'], message: 'ligt vóór de datum van toetreden' });
    if (next.leftOn > context.today)
      issues.push({ path: ['leftOn'], message: 'mag niet in de toekomst liggen' });
    if (!next.leaveReason || next.leaveReason.trim() === '')
      issues.push({ path: ['leaveReason'], message: 'geef de reden van uittreden' });
  } else if (next.leaveReason && next.leaveReason.trim() !== '') {
    issues.push({ path: ['leftOn'], message: 'een reden van uittreden hoort bij een datum van uittreden' });
  }
  const clash = others.find(
    (o) => o.id !== next.id && o.organisationId === next.organisationId && overlaps(o, next),
  );
  if (clash) {
    issues.push({
      path: ['joinedOn'],
      message: `deze organisatie is in die periode al lid (sinds ${clash.joinedOn}${clash.leftOn ? ` tot ${clash.leftOn}` : ''})`,
    });
  }
  if (issues.length > 0) throw new DomainError('invalid_input', 'Het lidmaatschap klopt niet.', { issues });
}

/** The members on a date: joined on or before it, not yet left (a member leaves at the start of leftOn). */
export function listMembersOn<T extends Pick<MembershipPeriod, 'joinedOn' | 'leftOn'>>(
  periods: T[],
  on: string,
): T[] {
  return periods.filter((p) => p.joinedOn <= on && (p.leftOn === null || p.leftOn > on));
}
