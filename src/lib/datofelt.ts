/**
 * Date and time fields in forms. A browser's date picker sends ÅÅÅÅ-MM-DD, but without one
 * (or from a hostile client) anything can arrive, and a pattern alone lets "2026-02-30" or
 * "9999-99-99" into the records, where they show as another day or break the page. These
 * accept only days and times that exist in the calendar.
 */
import { z } from 'astro/zod';

/** A day from <input type="date">. */
export const dagFelt = (besked: string) => z.iso.date({ error: besked });

/** A local time from <input type="datetime-local">: to the minute, without a zone. */
export const tidspunktFelt = (besked: string) => z.iso.datetime({ local: true, precision: -1, error: besked });

/** Whether `v` is a day in the calendar, for checks that depend on another field. */
export const erDag = (v: unknown): v is string => z.iso.date().safeParse(v).success;
