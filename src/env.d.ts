/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The time of this request; the only clock pages and actions use. */
    nu: Date;
    session?: import('./features/login/session.ts').Session;
    bruger?: import('./features/adgang/adgang.server.ts').Bruger;
    /** A relative refused for a right their fuldmagt lacks (errors.ts): the page that explains it. */
    udenforFuldmagt?: { ret: import('./features/adgang/access.ts').Scope; personNavn: string };
    /** The field a feature's refusal was about (lib/afvisning.ts): handleForm shows it there. */
    afvistFelt?: string;
    /** A form on this page came back with errors: the title says so (handleForm sets it). */
    formfejl?: boolean;
    /** The session behind the cookie ran out on this request: whose it was (parkeret.server.ts). */
    udloebet?: import('./features/login/parkeret.server.ts').Ejer;
    /** The form got back text posted after a timeout: "… er ikke sendt endnu" (Fejlopsummering). */
    ikkeSendt?: string;
    /** The text given back is a draft saved while typing, not a form posted after a timeout. */
    kladdeGendannet?: boolean;
  }
}
