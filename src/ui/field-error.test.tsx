import { fieldDescription, messagesAbout } from './field-error';

describe('fieldDescription', () => {
  it('names the hint alone while the field is fine, and adds the error and aria-invalid when it is not', () => {
    expect(fieldDescription('hint', 'err', undefined)).toEqual({ 'aria-describedby': 'hint' });
    expect(fieldDescription('hint', 'err', 'Wrong.')).toEqual({
      'aria-describedby': 'hint err',
      'aria-invalid': 'true',
    });
    expect(fieldDescription(undefined, 'err', undefined)).toEqual({});
    expect(fieldDescription(undefined, 'err', 'Wrong.')).toEqual({ 'aria-describedby': 'err', 'aria-invalid': 'true' });
  });
});

describe('messagesAbout', () => {
  const errors = [
    { field: 'name', message: 'Too long.' },
    { field: 'domains', message: 'co.uk is a public suffix.' },
    { field: 'domains[1]', message: 'Empty.' },
  ];

  it('joins the messages about the fields asked for, and says nothing when there are none', () => {
    expect(messagesAbout(errors, (f) => f === 'name')).toBe('Too long.');
    expect(messagesAbout(errors, (f) => f !== 'name')).toBe('co.uk is a public suffix. Empty.');
    expect(messagesAbout(errors, (f) => f === 'host')).toBeUndefined();
  });
});
