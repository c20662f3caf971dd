// Local dates as the date inputs hold them (2021-03-01), and the default periods a planner starts from.

export function isoDate(date) {
  const pad = n => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function parse(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
}

function plusDays(date, days) {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

/** Monday to Sunday of the last full week before today. */
export function lastFullWeek(today = new Date()) {
  const mondayThisWeek = plusDays(today, -((today.getDay() + 6) % 7));
  return { from: isoDate(plusDays(mondayThisWeek, -7)), toInclusive: isoDate(plusDays(mondayThisWeek, -1)) };
}

/**
 * The period of the same length just before {from, toInclusive}: the week before a week; the month before a
 * whole calendar month.
 */
export function precedingPeriod(from, toInclusive) {
  const start = parse(from);
  const end = parse(toInclusive);
  if (!start || !end || end < start) return null;
  const wholeMonth = start.getDate() === 1 && plusDays(end, 1).getDate() === 1
      && plusDays(end, 1).getMonth() === (start.getMonth() + 1) % 12;
  if (wholeMonth) {
    return { from: isoDate(new Date(start.getFullYear(), start.getMonth() - 1, 1)),
      toInclusive: isoDate(plusDays(start, -1)) };
  }
  const days = Math.round((end - start) / 86400000) + 1;
  return { from: isoDate(plusDays(start, -days)), toInclusive: isoDate(plusDays(start, -1)) };
}
