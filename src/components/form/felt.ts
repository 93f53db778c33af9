/**
 * The ARIA a form control needs for its hint and its error: the one way every field, in the
 * form components and in pages with their own controls, points at the message Feltfejl shows.
 */
export const fejlId = (id: string): string => `${id}-fejl`;
export const hjaelpId = (id: string): string => `${id}-hjaelp`;

/** The first message, the one a field shows. */
export const feltbesked = (fejl: readonly string[] | undefined): string | undefined => fejl?.[0];

/** `aria-describedby` for a control or fieldset: the hint (when there is one) and the error (when shown). */
export function beskrevetAf(id: string, fejl: readonly string[] | undefined, medHjaelp = false): string | undefined {
  return [medHjaelp && hjaelpId(id), feltbesked(fejl) && fejlId(id)].filter(Boolean).join(' ') || undefined;
}

/** Both attributes for a single control (a fieldset gets only `aria-describedby`). */
export function feltAria(id: string, fejl: readonly string[] | undefined, medHjaelp = false) {
  return {
    'aria-invalid': feltbesked(fejl) ? ('true' as const) : undefined,
    'aria-describedby': beskrevetAf(id, fejl, medHjaelp),
  };
}
