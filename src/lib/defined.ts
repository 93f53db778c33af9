/**
 * The value, or an error naming what was missing. For places that know the value is there
 * (a test's own data, a row just written, an index inside its list) where `!` would hide a mistake.
 */
export function defined<T>(x: T | null | undefined, what: string): T {
  if (x === null || x === undefined) throw new Error(`${what} mangler`);
  return x;
}
