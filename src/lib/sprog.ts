/** Small pieces of Danish grammar for text about a named person. */

/** The first name: "Jens" of "Jens Madsen". */
export const fornavn = (navn: string): string => navn.trim().split(/\s+/, 1)[0] ?? navn;

/** The genitive: "Karins", and "Jens'" after s, x or z. */
export const genitiv = (navn: string): string => (/[sxz]$/i.test(navn) ? `${navn}'` : `${navn}s`);
