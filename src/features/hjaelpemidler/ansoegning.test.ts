import { describe, expect, it } from 'vitest';
import { ansoegerOrd, foersteManglende, naesteSkridt, skridtSchemas } from './ansoegning.ts';
import { genkendFiltype, MAKS_BYTES, sikkertFilnavn, tjekFil } from './filtjek.ts';

const fuld = {
  behov: 'Jeg kan ikke stå op i badet.',
  hjaelpemiddel: 'badebaenk',
  varighed: 'varigt',
  telefon: '20304050',
  besoegstid: 'formiddag',
  leveringsadresse: 'Strandvejen 4, 7130 Juelsminde',
};

describe('skridtSchemas', () => {
  it.each([
    ['behov', { behov: 'kort' }, 'Skriv, hvad der er svært i hverdagen – mindst 10 tegn.'],
    ['behov', {}, 'Skriv, hvad der er svært i hverdagen.'],
    ['hjaelpemiddel', { hjaelpemiddel: '' }, 'Vælg et hjælpemiddel, eller vælg "Jeg ved det ikke".'],
    ['varighed', { varighed: 'altid' }, 'Vælg, hvor længe du regner med at have brug for hjælpemidlet.'],
    ['kontakt', { ...fuld, telefon: '1234' }, 'Skriv et dansk telefonnummer med 8 cifre, fx 20 30 40 50.'],
    ['kontakt', { ...fuld, leveringsadresse: '' }, 'Skriv, hvor hjælpemidlet skal leveres – vej, nummer og by.'],
  ] as const)('%s med %j siger "%s"', (t, input, besked) => {
    const r = skridtSchemas[t].safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe(besked);
  });

  it('retter et telefonnummer med mellemrum, bindestreger og +45 til 8 cifre', () => {
    expect(skridtSchemas.kontakt.parse({ ...fuld, telefon: '+45 20 30-40 50' }).telefon).toBe('20304050');
  });

  it('gemmer script som almindelig tekst; den escapes, hvor den vises', () => {
    expect(skridtSchemas.behov.parse({ behov: '<script>alert(1)</script> kan ikke gå' }).behov).toBe(
      '<script>alert(1)</script> kan ikke gå',
    );
  });
});

describe('skridt', () => {
  it('finder det første skridt, der stadig mangler svar', () => {
    expect(foersteManglende({})).toBe('behov');
    expect(foersteManglende({ behov: fuld.behov })).toBe('hjaelpemiddel');
    expect(foersteManglende({ ...fuld, telefon: 'x' })).toBe('kontakt');
    expect(foersteManglende(fuld)).toBe('tjek');
  });
  it('går frem, eller tilbage til "Tjek dine svar" efter en rettelse derfra', () => {
    expect(naesteSkridt('behov', false)).toBe('hjaelpemiddel');
    expect(naesteSkridt('bilag', false)).toBe('tjek');
    expect(naesteSkridt('behov', true)).toBe('tjek');
  });
});

describe('filtjek', () => {
  const pdf = new TextEncoder().encode('%PDF-1.7\n');
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
  const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);
  const exe = new TextEncoder().encode('MZ\x90\x00');
  it.each([
    [pdf, 'application/pdf'],
    [png, 'image/png'],
    [jpeg, 'image/jpeg'],
    [exe, null],
    [new TextEncoder().encode('<html>'), null],
    [new Uint8Array([0x25, 0x50]), null],
  ])('genkender filtypen på indholdet', (bytes, type) => expect(genkendFiltype(bytes)).toBe(type));

  it('afviser tomme, for store og forkerte filer, uanset hvad navnet siger', () => {
    expect(tjekFil(0, pdf)).toEqual({ ok: false, fejl: 'tom' });
    expect(tjekFil(MAKS_BYTES + 1, pdf)).toEqual({ ok: false, fejl: 'for-stor' });
    expect(tjekFil(MAKS_BYTES, pdf)).toEqual({ ok: true, type: 'application/pdf' });
    expect(tjekFil(100, exe)).toEqual({ ok: false, fejl: 'forkert-type' });
  });

  it('gør filnavne sikre at vise', () => {
    expect(sikkertFilnavn('C:\\Users\\jens\\lægeerklæring.pdf')).toBe('lægeerklæring.pdf');
    expect(sikkertFilnavn('../../etc/passwd')).toBe('passwd');
    expect(sikkertFilnavn('"<x>"\n')).toBe('x');
    expect(sikkertFilnavn('')).toBe('bilag');
  });
});

describe('ansoegerOrd', () => {
  it('spørger ansøgeren selv om "din hverdag", og Karin om "Jens\' hverdag"', () => {
    expect(ansoegerOrd(true, 'Jens Madsen').hverdag).toBe('din hverdag');
    expect(ansoegerOrd(false, 'Jens Madsen')).toMatchObject({
      hverdag: "Jens' hverdag",
      dig: 'Jens',
      varighed: 'Hvor længe regner du med, at Jens har brug for det?',
    });
  });
});
