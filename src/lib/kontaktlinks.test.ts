import { describe, expect, it } from 'vitest';
import { emailHref, telefonHref } from './kontaktlinks.ts';

describe('telefonHref', () => {
  it('giver et dansk nummer +45 foran, uden mellemrum', () => {
    expect(telefonHref('75 12 34 66')).toBe('tel:+4575123466');
    expect(telefonHref('79 75 52 00')).toBe('tel:+4579755200');
  });

  it('lader et nummer med landekode eller et kort nummer være, som det er', () => {
    expect(telefonHref('+45 75 12 34 66')).toBe('tel:+4575123466');
    expect(telefonHref('112')).toBe('tel:112');
  });
});

describe('emailHref', () => {
  it('giver en mailto-adresse', () => {
    expect(emailHref('frivillig@hedensted.dk')).toBe('mailto:frivillig@hedensted.dk');
  });
});
