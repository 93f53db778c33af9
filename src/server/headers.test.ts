import { describe, expect, it } from 'vitest';
import { securityHeaders } from './headers.ts';

describe('securityHeaders', () => {
  const h = securityHeaders({ https: false });
  it('forbyder indlejring i rammer og inline-script', () => {
    expect(h['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    expect(h['Content-Security-Policy']).toContain("script-src 'self'");
    expect(h['Content-Security-Policy']).not.toContain('unsafe-inline');
  });
  it('sender kun HSTS over https', () => {
    expect(h['Strict-Transport-Security']).toBeUndefined();
    expect(securityHeaders({ https: true })['Strict-Transport-Security']).toMatch(/max-age=\d+/);
  });
});
