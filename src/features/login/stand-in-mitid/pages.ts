import { escapeHtml } from '#/lib/html.ts';
import type { StandInPersona } from './claims.ts';
import { renderDocument } from './html.ts';

const GROUPS = [
  { kind: 'borger', heading: 'Borgere og pårørende', id: 'borgere' },
  { kind: 'medarbejder', heading: 'Medarbejdere', id: 'medarbejdere' },
] as const;

function personaItem(persona: StandInPersona, index: number, loginAction: string): string {
  // Ids are per form so every label and description points at its own persona.
  const loaId = `persona-${index}-loa`;
  const descriptionId = `persona-${index}-beskrivelse`;
  const description = persona.description ? `<p id="${descriptionId}">${escapeHtml(persona.description)}</p>\n` : '';
  const describedBy = persona.description ? ` aria-describedby="${descriptionId}"` : '';
  return `<li class="person">
${description}<form method="post" action="${escapeHtml(loginAction)}">
<input type="hidden" name="sub" value="${escapeHtml(persona.sub)}">
<label for="${loaId}">Sikringsniveau</label>
<select id="${loaId}" name="loa">
<option value="substantial" selected>Betydelig</option>
<option value="low">Lav</option>
</select>
<button type="submit"${describedBy}>Log ind som ${escapeHtml(persona.name)}</button>
</form>
</li>`;
}

/** The persona picker shown instead of MitID. */
export function renderLoginPage(opts: {
  personas: StandInPersona[];
  loginAction: string;
  abortAction: string;
  mountPath: string;
}): string {
  let index = 0;
  const sections = GROUPS.map(({ kind, heading, id }) => {
    const items = opts.personas
      .filter((persona) => persona.kind === kind)
      .map((persona) => personaItem(persona, ++index, opts.loginAction));
    if (items.length === 0) return '';
    return `<section aria-labelledby="${id}">
<h2 id="${id}">${heading}</h2>
<ul class="personer">
${items.join('\n')}
</ul>
</section>`;
  }).filter(Boolean);

  const body = `<h1>Test-login (ikke MitID)</h1>
<p class="advarsel">Dette er et test-login til demo og automatiske test. Det er ikke MitID, og ingen rigtige personer logger ind her.</p>
<p>Vælg, hvem du vil logge ind som, og hvilket sikringsniveau login skal have.</p>
${sections.length > 0 ? sections.join('\n') : '<p>Der er ingen testpersoner at logge ind som.</p>'}
<form method="post" action="${escapeHtml(opts.abortAction)}">
<button type="submit">Afbryd login</button>
</form>`;
  return renderDocument({ title: 'Test-login (ikke MitID)', body, mountPath: opts.mountPath });
}

/**
 * Logout confirmation. oidc-provider always asks (RP-Initiated Logout says the OP SHOULD),
 * and auto-submitting would need a script, so the user presses a plain button. The button goes
 * inside the library's form (hidden xsrf field) so nothing depends on that form's id.
 */
export function renderLogoutPage(opts: { form: string; mountPath: string }): string {
  const end = opts.form.lastIndexOf('</form>');
  if (end === -1) throw new Error('oidc-provider gave no logout form');
  const button = '<button type="submit" name="logout" value="yes">Log ud</button>';
  const form = opts.form.slice(0, end) + button + opts.form.slice(end);
  const body = `<h1>Log ud af test-login</h1>
<p class="advarsel">Dette er et test-login til demo og automatiske test. Det er ikke MitID.</p>
<p>Tryk på knappen for at afslutte dit test-login.</p>
${form}`;
  return renderDocument({ title: 'Log ud af test-login', body, mountPath: opts.mountPath });
}

/** Shown after logout when the client gave no post_logout_redirect_uri. */
export function renderLoggedOutPage(opts: { mountPath: string }): string {
  const body = `<h1>Du er logget ud af test-login</h1>
<p>Du kan lukke vinduet.</p>`;
  return renderDocument({ title: 'Logget ud af test-login', body, mountPath: opts.mountPath });
}

/** Error page for failed requests; details are escaped because they echo request input. */
export function renderErrorPage(opts: {
  message: string;
  details?: Record<string, string>;
  mountPath: string;
}): string {
  const details = Object.entries(opts.details ?? {})
    .map(([key, value]) => `<dt>${escapeHtml(key)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('\n');
  const body = `<h1>Test-login fejlede</h1>
<p>${escapeHtml(opts.message)}</p>
${details ? `<dl>\n${details}\n</dl>` : ''}`;
  return renderDocument({ title: 'Test-login fejlede', body, mountPath: opts.mountPath });
}
