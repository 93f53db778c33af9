/**
 * After the restart, everyone presses "Send" again on the form they had: the same body, so
 * the same one-time key (klage) or draft (ansøgning). A form that got a receipt must give the
 * same receipt again; one that was cut off must end as exactly one record either way.
 */
import { type Forsoeg, Journal, send, side } from './crash-storm.ts';

export interface Gensendt {
  /** noegle → the klage id the second post pointed to. */
  klager: Map<string, string | undefined>;
  /** kladde id → the ansøgning id. */
  indsendelser: Map<string, string | undefined>;
  /** sag id → the kvitteringsnr the partshøring's receipt page shows after the second post. */
  svar: Map<string, string | undefined>;
  /** Answers that were not the receipt. */
  uventede: string[];
}

/** The first attempt per key: one retry per form, as one person retrying. */
function foerstePr<T extends Forsoeg>(xs: T[], key: (x: T) => string): T[] {
  const foerste = new Map<string, T>();
  for (const x of xs) if (!foerste.has(key(x))) foerste.set(key(x), x);
  return [...foerste.values()];
}

async function iRaekke<T>(xs: T[], samtidige: number, fn: (x: T) => Promise<void>) {
  const koe = [...xs];
  await Promise.all(
    Array.from({ length: samtidige }, async () => {
      for (let x = koe.shift(); x !== undefined; x = koe.shift()) await fn(x);
    }),
  );
}

export async function gensend(j: Journal, samtidige = 6): Promise<Gensendt> {
  const r = new Journal();
  const out: Gensendt = { klager: new Map(), indsendelser: new Map(), svar: new Map(), uventede: r.uventede };

  await iRaekke(
    foerstePr(j.klager, (k) => k.noegle),
    samtidige,
    async (k) => {
      const f: Forsoeg = { session: k.session, felter: k.felter };
      out.klager.set(
        k.noegle,
        await send(r, f, `/sager/${k.sagId}/klage`, k.felter, new RegExp(`^/sager/${k.sagId}/klage/([\\w-]+)$`)),
      );
    },
  );

  await iRaekke(
    foerstePr(j.indsendelser, (a) => a.kladdeId),
    samtidige,
    async (a) => {
      const f: Forsoeg = { session: a.session, felter: a.felter };
      out.indsendelser.set(
        a.kladdeId,
        await send(
          r,
          f,
          `/hjaelpemidler/ansoeg/${a.kladdeId}/tjek`,
          a.felter,
          /^\/hjaelpemidler\/ansoegninger\/([\w-]+)$/,
        ),
      );
    },
  );

  await iRaekke(
    foerstePr(j.svar, (s) => s.sagId),
    samtidige,
    async (s) => {
      const f: Forsoeg = { session: s.session, felter: s.felter };
      const path = `/sager/${s.sagId}/partshoering`;
      const html = (await send(r, f, path, s.felter, new RegExp(`^${path}$`))) && (await side(r, s.session, path));
      out.svar.set(s.sagId, html ? /Kvitteringsnummer<\/th>\s*<td[^>]*>([^<]+)</.exec(html)?.[1] : undefined);
    },
  );
  return out;
}
