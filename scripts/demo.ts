// The demo: the embedded database with the demo people, the stand-in MitID test login and the test mailbox.
process.env.DEMO_DATA ??= '1';
process.env.TEST_MITID ??= '1';
process.env.TEST_POSTKASSE ??= '1';
await import('./serve.ts');

export {};
