import { describe, expect, it } from 'vitest';
import { bearerChallenge } from './authorization.ts';

describe('bearerChallenge', () => {
  it('reads quoted and token parameters, names lower-cased', () => {
    expect(bearerChallenge('Bearer Error="invalid_token", scope="a b", max_age=30')).toEqual({
      error: 'invalid_token',
      scope: 'a b',
      max_age: '30',
    });
  });

  it('unescapes quoted-pairs and keeps commas inside quotes', () => {
    expect(bearerChallenge('Bearer error_description="say \\"no\\", twice"')).toEqual({
      error_description: 'say "no", twice',
    });
  });

  it('finds the Bearer challenge among others, and a bare one', () => {
    expect(bearerChallenge('Basic realm="x", Bearer resource_metadata="https://h/.well-known/x"')).toEqual({
      resource_metadata: 'https://h/.well-known/x',
    });
    expect(bearerChallenge('bearer')).toEqual({});
  });

  it('is undefined without a Bearer challenge', () => {
    expect(bearerChallenge(undefined)).toBeUndefined();
    expect(bearerChallenge('Basic realm="x"')).toBeUndefined();
  });
});
