import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, renderApp, serve } from '../test/render';

const survey = {
  campaign: 'Winter pulse',
  language: 'zh-CN',
  questions: { en: 'How likely are you to recommend Acme as a place to work?', 'zh-CN': '您有多大可能向朋友推荐Acme作为工作场所？' },
  openQuestions: { en: 'What would make it better?' },
  closesAt: '2026-12-31T00:00:00Z',
};

describe('employee survey page', () => {
  it('shows the question in the campaign language without a login and sends the answer with the link token', async () => {
    const fetch = serve((url, init) => {
      const body = JSON.parse(String(init.body));
      expect(body.token).toBe('tok-123');
      if (url === '/api/employee-nps/public/survey') return json(survey);
      expect(url).toBe('/api/employee-nps/public/survey/responses');
      expect(body).toEqual({ token: 'tok-123', score: 9, comment: 'More focus time' });
      return json({ status: 'RECORDED' }, 201);
    });
    renderApp('/survey#tok-123');

    expect(await screen.findByRole('group', { name: '您有多大可能向朋友推荐Acme作为工作场所？' })).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: '语言' }), 'en');
    const scale = screen.getByRole('group', { name: 'How likely are you to recommend Acme as a place to work?' });
    expect(screen.getByRole('button', { name: 'Send my answer' })).toBeDisabled();
    await userEvent.click(screen.getByRole('radio', { name: '9' }));
    expect(scale).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('What would make it better?'), 'More focus time');
    await userEvent.click(screen.getByRole('button', { name: 'Send my answer' }));

    expect(await screen.findByRole('heading', { name: 'Thank you' })).toBeInTheDocument();
    expect(fetch).toHaveBeenCalledTimes(2);
    expect((fetch.mock.calls[0][0] as string)).not.toContain('tok-123');
  });

  it('says plainly when a link was used already or the survey has closed', async () => {
    serve(() => json({ status: 410, code: 'LINK_USED', detail: 'used' }, 410));
    const { unmount } = renderApp('/survey#used');
    expect(await screen.findByRole('heading', { name: 'This link has been used' })).toBeInTheDocument();
    unmount();

    serve(() => json({ status: 410, code: 'CAMPAIGN_CLOSED', detail: 'closed', language: 'zh-TW' }, 410));
    renderApp('/survey#late');
    // in the campaign's language
    expect(await screen.findByRole('heading', { name: '此問卷已結束' })).toBeInTheDocument();
  });
});
