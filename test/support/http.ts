/** `Authorization` header for a bearer token. */
export const bearer = (token: string): { authorization: string } => ({
  authorization: `Bearer ${token}`,
});
