/** The bearer token of a request: undefined without one, null when the header is malformed. */
export function bearerToken(header: string | undefined): string | null | undefined {
  if (header === undefined) return undefined;
  const m = /^Bearer ([A-Za-z0-9_\-.]+)$/.exec(header.trim());
  return m ? m[1] : null;
}
