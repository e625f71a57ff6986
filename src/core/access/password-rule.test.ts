import { describe, expect, it } from 'vitest';
import { describePasswordProblem } from './password-rule.ts';

describe('the password rule (issue 10, finding 10)', () => {
  it('refuses twelve spaces, blank passwords and padding that hides a short one', () => {
    expect(describePasswordProblem(' '.repeat(12))).toContain('(nu 0)');
    expect(describePasswordProblem('\t\n '.repeat(8))).toContain('(nu 0)');
    expect(describePasswordProblem('   kort-ww   ')).toContain('(nu 7)');
    expect(describePasswordProblem('abcdefghijk')).toContain('(nu 11)');
  });

  it('accepts twelve non-space characters, also as a passphrase with spaces', () => {
    expect(describePasswordProblem('correct-horse')).toBeNull();
    expect(describePasswordProblem('paard staal batterij')).toBeNull();
  });
});
