/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The time of this request; the only clock pages and actions use. */
    nu: Date;
    session?: import('./features/login/session.ts').Session;
    bruger?: import('./features/adgang/adgang.server.ts').Bruger;
  }
}
