import { RestError } from '@azure/core-rest-pipeline';
import { jsonLogger } from '../../src/logger';

/** The one line a logger wrote for `fields`, parsed. */
function logged(fields: Record<string, unknown>): Record<string, unknown> {
  const lines: string[] = [];
  jsonLogger((_level, text) => lines.push(text)).error('turn failed', fields);
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]!) as Record<string, unknown>;
}

describe('jsonLogger', () => {
  it('logs a failed storage or Teams call with its HTTP status and code, which its empty message does not tell', () => {
    const error = new RestError('', { statusCode: 404, code: 'ResourceNotFound' });
    expect(logged({ error }).error).toMatchObject({ name: 'RestError', message: '', statusCode: 404, code: 'ResourceNotFound' });
  });

  it('logs any other error with its name, message and stack only', () => {
    const error = logged({ error: new TypeError('bad input') }).error as Record<string, unknown>;
    expect(Object.keys(error)).toEqual(['name', 'message', 'stack']);
    expect(error).toMatchObject({ name: 'TypeError', message: 'bad input' });
  });
});
