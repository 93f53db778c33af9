/** The middle of the measurements (the upper middle for an even count); at least one is needed. */
export function median(xs: readonly number[]): number {
  const m = [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  if (m === undefined) throw new RangeError('Ingen målinger at tage medianen af');
  return m;
}
