/** Query parameters whose value is a credential; matched case-insensitively, `-` and `_` ignored. */
const SECRET_PARAMS =
  /^(access_?token|token|api_?key|apikey|key|secret|client_?secret|password|passwd|pwd|auth|authorization|signature|sig|code|session|jwt)$/i;

/**
 * A URL fit for logs and messages: `user:password@` becomes `***@` and the values of token-like query
 * parameters (`?access_token=…`, `api_key`, `secret`, …) become `***`. Strings that do not parse as
 * a URL still lose anything between `//` and `@`, so a mistyped URL in a configuration error does
 * not print its password either.
 */
export function redactUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return raw
      .replace(/\/\/[^/?#]*@/, '//***@')
      .replace(/([?&][^=&#]+)=([^&#]*)/g, (match, name: string) =>
        SECRET_PARAMS.test(name.slice(1).replace(/-/g, '_')) ? `${name}=***` : match,
      );
  }
  let changed = false;
  if (url.username || url.password) {
    url.username = '***';
    url.password = '';
    changed = true;
  }
  for (const name of new Set(url.searchParams.keys())) {
    if (SECRET_PARAMS.test(name.replace(/-/g, '_'))) {
      url.searchParams.set(name, '***');
      changed = true;
    }
  }
  return changed ? url.toString() : raw;
}
