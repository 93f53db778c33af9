import { escapeHtml } from '#/lib/html.ts';

/** Path, below the provider's mount path, of the stylesheet the pages link to. */
export const STYLESHEET_PATH = '/assets/test-login.css';

// Served as a file because the portal's CSP (style-src 'self') forbids inline styles.
export const STYLESHEET = `body{font-family:system-ui,sans-serif;line-height:1.5;margin:0 auto;max-width:48rem;padding:1rem}
.advarsel{border:3px solid #b00020;background:#fff4f4;padding:1rem;font-weight:700}
.personer{list-style:none;padding:0}
.person{border:1px solid #999;padding:1rem;margin-bottom:1rem}
.person form{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center}
button{font:inherit;padding:.5rem 1rem}
`;

/** Wraps body markup in a complete Danish HTML document that needs no inline script or style. */
export function renderDocument(opts: { title: string; body: string; mountPath: string }): string {
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(opts.title)}</title>
<link rel="stylesheet" href="${escapeHtml(opts.mountPath + STYLESHEET_PATH)}">
</head>
<body>
<main>
${opts.body}
</main>
</body>
</html>
`;
}
