import { escapeKey } from '../../src/storage/tables';

describe('escapeKey', () => {
  it('percent-encodes the characters Azure forbids in keys, and "%"', () => {
    expect(escapeKey('a/b\\c#d?e%f')).toBe('a%2Fb%5Cc%23d%3Fe%25f');
  });

  it('encodes control characters', () => {
    expect(escapeKey('x\u0000y\ty\nz\u001f\u007f')).toBe('x%00y%09y%0Az%1F%7F');
  });

  it('leaves Teams ids, e-mails and Japanese text unchanged', () => {
    for (const value of ['19:abc@thread.tacv2;messageid=1', 'user1@city.example.jp', 'emp:E-001_a', '山田 太郎']) {
      expect(escapeKey(value)).toBe(value);
    }
  });

  it('is reversible', () => {
    for (const value of ['a/b', '100%', '%2F', 'x#?\\y', 'tab\there', '19:abc@thread.tacv2;messageid=1', '北九州/市']) {
      expect(decodeURIComponent(escapeKey(value))).toBe(value);
    }
  });

  it('never leaves a forbidden character in the result', () => {
    // eslint-disable-next-line no-control-regex -- the assertion is about control characters
    expect(escapeKey('/\\#?\u0001\u0010\u001f\u007f')).not.toMatch(/[/\\#?\u0000-\u001f\u007f]/);
  });
});
