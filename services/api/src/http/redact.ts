/** Query parameters that carry credentials (a download link's token), by name. */
const SECRET_PARAMS = /([?&](?:token|access_token|jwt)=)[^&#]*/gi;

/** The URL as it may be logged: the values of credential parameters replaced. */
export function redactUrl(url: string): string {
  return url.replace(SECRET_PARAMS, '$1[REDACTED]');
}
