// The demo: the embedded database with the demo people, and the stand-in MitID test login.
process.env.DEMO_DATA ??= '1';
process.env.TEST_MITID ??= '1';
await import('./serve.ts');

export {};
