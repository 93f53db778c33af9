/** Phone numbers and e-mail addresses as links a phone can tap. */

/** A `tel:` address for a Danish number as people write it ("75 12 34 66"): +45 in front of 8 digits. */
export function telefonHref(telefon: string): string {
  const cifre = telefon.replace(/[^\d+]/g, '');
  return `tel:${/^\d{8}$/.test(cifre) ? `+45${cifre}` : cifre}`;
}

/** A `mailto:` address. */
export function emailHref(email: string): string {
  return `mailto:${email.trim()}`;
}
