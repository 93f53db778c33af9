// FUZZ_SEED makes the property tests repeat one run exactly (CI sets it); without it every run explores new input.
import fc from 'fast-check';

if (process.env.FUZZ_SEED) fc.configureGlobal({ seed: Number(process.env.FUZZ_SEED) });
