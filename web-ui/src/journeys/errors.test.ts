import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { GraphQLRequestError, HttpStatusError } from '../graphql/client';
import { errorMessage } from './errors';

describe('error messages', () => {
  it('are in the user’s language unless the server’s own detail is what the user needs', () => {
    const zh = i18n.getFixedT('zh-TW');
    expect(errorMessage(new GraphQLRequestError('Forbidden', 'FORBIDDEN'), zh)).toBe('您的角色無權執行此操作。');
    expect(errorMessage(new HttpStatusError(502), zh)).toBe('伺服器回傳狀態 502，請稍後再試。');
    expect(errorMessage(new TypeError('Failed to fetch'), zh)).toBe('無法連線至 Cairn，請檢查網路後再試。');
    expect(errorMessage(new HttpStatusError(400, 'Column "Class" is not in the file'), i18n.getFixedT('en')))
      .toBe('Something went wrong: Column "Class" is not in the file');
    // a programming error is not mistaken for a lost connection
    expect(errorMessage(new TypeError('x is undefined'), i18n.getFixedT('en'))).toBe('Something went wrong: x is undefined');
  });
});
