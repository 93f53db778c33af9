/**
 * Mounts the stand-in MitID (a real OpenID Provider) for the demo and the tests, with the
 * database's citizens and staff as personas, and points the portal's login at it.
 * Only scripts/serve.ts calls this, and only with TEST_MITID=1.
 */
import { randomBytes } from 'node:crypto';
import { miljoe } from '#/config/miljoe.ts';
import { createStandInMitid } from '#/features/login/stand-in-mitid/provider.ts';
import { serverNu } from '#/lib/clock.ts';
import { alder, dagen } from '#/lib/dato.ts';
import type { Db } from '../../db/client.ts';
import { medarbejdere, personer } from '../../db/schema.ts';

export const TEST_MITID_PATH = '/test-mitid';

export async function mountTestMitid(db: Db, publicUrl: string, env: NodeJS.ProcessEnv) {
  const issuer = `${publicUrl}${TEST_MITID_PATH}`;
  const borger = { id: 'mit-forloeb', secret: randomBytes(24).toString('hex') };
  const staff = { id: 'mit-forloeb-medarbejder', secret: randomBytes(24).toString('hex') };
  // The portal reads its login settings from the environment, as it would for a real broker.
  Object.assign(env, {
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: borger.id,
    OIDC_CLIENT_SECRET: borger.secret,
    STAFF_OIDC_ISSUER: issuer,
    STAFF_OIDC_CLIENT_ID: staff.id,
    STAFF_OIDC_CLIENT_SECRET: staff.secret,
  });
  const postLogout = [`${publicUrl}/logget-ud`];
  return createStandInMitid({
    issuer,
    clients: [
      {
        client_id: borger.id,
        client_secret: borger.secret,
        redirect_uris: [`${publicUrl}/log-ind/callback`],
        post_logout_redirect_uris: postLogout,
      },
      {
        client_id: staff.id,
        client_secret: staff.secret,
        redirect_uris: [`${publicUrl}/medarbejder/log-ind/callback`],
        post_logout_redirect_uris: postLogout,
      },
    ],
    claimNames: { cpr: miljoe().OIDC_CLAIM_CPR, loa: miljoe().OIDC_CLAIM_LOA },
    trustProxy: miljoe().TRUST_PROXY,
    personas: () => {
      const idag = dagen(serverNu());
      return [
        ...db
          .select()
          .from(personer)
          .all()
          .map((p) => ({
            sub: `borger-${p.id}`,
            name: p.navn,
            cpr: p.cpr,
            kind: 'borger' as const,
            description: `${alder(p.foedselsdato, idag)} år${p.by ? `, ${p.by}` : ''}`,
          })),
        ...db
          .select()
          .from(medarbejdere)
          .all()
          .map((m) => ({
            sub: m.oidcSub,
            name: m.navn,
            kind: 'medarbejder' as const,
            description: `${m.rolle}, ${m.enhed}`,
          })),
      ];
    },
  });
}
