/**
 * Mounts the stand-in MitID (a real OpenID Provider) for the demo and the tests, with the
 * database's citizens and staff as personas, and points the portal's login at it.
 * Only scripts/serve.ts calls this, and only with TEST_MITID=1.
 */
import { randomBytes } from 'node:crypto';
import type { JWK } from 'oidc-provider';
import { miljoe } from '#/config/miljoe.ts';
import { createStandInMitid, lavSigneringsnoegle } from '#/features/login/stand-in-mitid/provider.ts';
import { serverNu } from '#/lib/clock.ts';
import { alder, dagen } from '#/lib/dato.ts';
import { hemmelighed } from '#/server/hemmeligheder.ts';
import { databaseAdapter } from '#/server/test-mitid-lager.ts';
import type { Db } from '../../db/client.ts';
import { medarbejdere, personer } from '../../db/schema.ts';

export const TEST_MITID_PATH = '/test-mitid';

export async function mountTestMitid(db: Db, publicUrl: string, env: NodeJS.ProcessEnv) {
  const issuer = `${publicUrl}${TEST_MITID_PATH}`;
  // Every process serving this database must answer as one provider: the same client secrets,
  // keys and state, all in the database.
  const nu = new Date();
  const delt = async (navn: string, lav: () => string) => await hemmelighed(db, `testlogin-${navn}`, lav, nu);
  const tilfaeldig = () => randomBytes(24).toString('hex');
  const borger = { id: 'mit-forloeb', secret: await delt('klient-borger', tilfaeldig) };
  const staff = { id: 'mit-forloeb-medarbejder', secret: await delt('klient-medarbejder', tilfaeldig) };
  const signingKey = JSON.parse(await delt('signering', () => JSON.stringify(lavSigneringsnoegle()))) as JWK;
  const cookieKey = await delt('cookie', () => randomBytes(32).toString('base64url'));
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
  return await createStandInMitid({
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
    adapter: (clockTolerance) => databaseAdapter(db, clockTolerance),
    signingKey,
    cookieKey,
    personas: async () => {
      const idag = dagen(serverNu());
      return [
        ...(await db.select().from(personer)).map((p) => ({
          sub: `borger-${p.id}`,
          name: p.navn,
          cpr: p.cpr,
          kind: 'borger' as const,
          description: `${alder(p.foedselsdato, idag)} år${p.by ? `, ${p.by}` : ''}`,
        })),
        ...(await db.select().from(medarbejdere)).map((m) => ({
          sub: m.oidcSub,
          name: m.navn,
          kind: 'medarbejder' as const,
          description: `${m.rolle}, ${m.enhed}`,
        })),
      ];
    },
  });
}
