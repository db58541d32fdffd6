import { errorMessage } from './error-message';

describe('errorMessage', () => {
  test("is an Error's message, a subclass's too", () => {
    expect(errorMessage(new Error('no answer'))).toBe('no answer');
    expect(errorMessage(new TypeError('Failed to fetch'))).toBe('Failed to fetch');
  });

  test('is any other thrown value as a string', () => {
    expect(errorMessage('quota exceeded')).toBe('quota exceeded');
    expect(errorMessage(undefined)).toBe('undefined');
    expect(errorMessage({ toString: () => 'custom' })).toBe('custom');
  });
});
