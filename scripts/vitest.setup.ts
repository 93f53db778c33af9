// FUZZ_SEED makes the property tests repeat one run exactly (CI sets it); without it every run explores new input.
import fc from 'fast-check';
import { afterAll } from 'vitest';
import { rydTestDatabaser } from '../db/test-database.ts';

if (process.env.FUZZ_SEED) fc.configureGlobal({ seed: Number(process.env.FUZZ_SEED) });

afterAll(async () => await rydTestDatabaser());
