import type { Appointment } from './appointment';

/**
 * A counsellor's appointments as an RFC 5545 calendar: CRLF line endings, content lines folded
 * at 75 octets, times in UTC ('Z'), so no VTIMEZONE is needed. Summaries hold kind and mode
 * only: a calendar feed travels to phones and third-party servers, personal data must not.
 */
const CRLF = '\r\n';
const utf8 = new TextEncoder();

function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r?\n/g, '\\n');
}

/** Folds one content line: at most 75 octets each, continuation lines start with a space. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

export const icsTime = (instant: Date) =>
  instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

function event(appointment: Appointment, now: Date): string[] {
  const status = appointment.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED';
  return [
    'BEGIN:VEVENT',
    `UID:${appointment.appointmentId}@counselling.grunderboost`,
    `DTSTAMP:${icsTime(now)}`,
    `DTSTART:${icsTime(appointment.startsAt)}`,
    `DTEND:${icsTime(appointment.endsAt)}`,
    `SEQUENCE:${appointment.rescheduledFrom.length}`,
    `STATUS:${status}`,
    `SUMMARY:${escapeText(`Veiledningstime (${appointment.kind}, ${appointment.mode})`)}`,
    `DESCRIPTION:${escapeText(`Founder case ${appointment.caseId}; appointment ${appointment.appointmentId}`)}`,
    'END:VEVENT',
  ];
}

export function renderCalendar(
  counsellorId: string,
  appointments: readonly Appointment[],
  now: Date,
): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Grunderboost//Counselling//NB',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(`Veiledningstimer ${counsellorId}`)}`,
    ...appointments
      .filter((a) => a.status === 'booked' || a.status === 'cancelled' || a.status === 'completed')
      .flatMap((appointment) => event(appointment, now)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
