/**
 * What changed between two versions of an entry (issue 16), as an editor reads it: each field with
 * its old and new value as the form shows them, and the body line by line (jsdiff).
 */
import { diffLines } from 'diff';
import { type Felt, formularFelter, formularVaerdier } from './felter.ts';
import type { Samling } from './versioner.server.ts';

export interface Indhold {
  frontmatter: Record<string, unknown>;
  tekst: string;
}

export interface Feltforskel {
  label: string;
  foer: string;
  efter: string;
}

export interface Linje {
  type: 'ens' | 'ny' | 'fjernet';
  tekst: string;
}

const somTekst = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(', ') : (v ?? ''));

function flade(felter: readonly Felt[], forfix = ''): { navn: string; label: string }[] {
  return felter.flatMap((f) =>
    f.slags === 'gruppe' ? flade(f.felter, `${forfix}${f.label}: `) : [{ navn: f.navn, label: `${forfix}${f.label}` }],
  );
}

export function forskel(samling: Samling, foer: Indhold, efter: Indhold): { felter: Feltforskel[]; linjer: Linje[] } {
  const a = formularVaerdier(samling, foer.frontmatter);
  const b = formularVaerdier(samling, efter.frontmatter);
  const felter = flade(formularFelter(samling))
    .map((f) => ({ label: f.label, foer: somTekst(a[f.navn]), efter: somTekst(b[f.navn]) }))
    .filter((f) => f.foer !== f.efter);
  const linjer = diffLines(foer.tekst, efter.tekst).flatMap((d) =>
    d.value
      .replace(/\n$/, '')
      .split('\n')
      .map((tekst): Linje => ({ type: d.added ? 'ny' : d.removed ? 'fjernet' : 'ens', tekst })),
  );
  return { felter, linjer };
}
