/**
 * The password rule (issue 10, finding 10): at least 12 characters that are not white space, so
 * that twelve spaces (or a password padded with them) is never accepted. Spaces inside a passphrase
 * are allowed but do not count. Used by every place that sets a password (CLI, invitation, reset).
 */
export const MIN_PASSWORD_CHARACTERS = 12;

/** A Dutch description of what is wrong with the password, or null when it is acceptable. */
export function describePasswordProblem(password: string): string | null {
  const counted = [...password.replace(/\s/gu, '')].length;
  return counted >= MIN_PASSWORD_CHARACTERS
    ? null
    : `het wachtwoord moet minstens ${MIN_PASSWORD_CHARACTERS} tekens hebben die geen spatie zijn (nu ${counted})`;
}
