// The e-mail target's settings: SMTP_URL and ENQUIRY_EMAIL_TO go together, addresses are checked, and no
// message ever repeats the SMTP password.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';

const CWD = '/srv/folio';

describe('e-mail configuration', () => {
  it('when SMTP_URL and ENQUIRY_EMAIL_TO are set, then they are parsed (a list of addresses, From left to the default)', () => {
    const c = loadConfig(
      { SMTP_URL: 'smtps://u:p@mail.example:465', ENQUIRY_EMAIL_TO: ' a@example.com ,b@example.org ' },
      CWD,
    );
    expect(c.smtpUrl).toBe('smtps://u:p@mail.example:465');
    expect(c.enquiryEmailTo).toEqual(['a@example.com', 'b@example.org']);
    expect(c.enquiryEmailFrom).toBeNull();
    const named = loadConfig(
      {
        SMTP_URL: 'smtp://mail.example',
        ENQUIRY_EMAIL_TO: 'a@example.com',
        ENQUIRY_EMAIL_FROM: 'Sales <s@example.com>',
      },
      CWD,
    );
    expect(named.enquiryEmailFrom).toBe('Sales <s@example.com>');
  });

  it('when SMTP_URL is not smtp(s) or unparsable, then start-up stops naming the variable and never the password', () => {
    for (const bad of ['http://u:s3cretpw@mail.example', 'smtp//u:s3cretpw@mail', 'smtp://u:s3cretpw@'])
      expect(() => loadConfig({ SMTP_URL: bad, ENQUIRY_EMAIL_TO: 'a@example.com' }, CWD)).toThrow(
        /^SMTP_URL is not valid: use smtp:\/\/user:password@host:587 [^]*$/,
      );
    expect(() =>
      loadConfig({ SMTP_URL: 'http://u:s3cretpw@mail.example', ENQUIRY_EMAIL_TO: 'a@example.com' }, CWD),
    ).not.toThrow(/s3cretpw/);
  });

  it('when only one of SMTP_URL and ENQUIRY_EMAIL_TO is set, or an address is malformed, then the message says which', () => {
    expect(() => loadConfig({ SMTP_URL: 'smtp://u:s3cretpw@mail.example' }, CWD)).toThrow(
      /^SMTP_URL is set without ENQUIRY_EMAIL_TO/,
    );
    expect(() => loadConfig({ ENQUIRY_EMAIL_TO: 'a@example.com' }, CWD)).toThrow(
      /^ENQUIRY_EMAIL_TO is set without SMTP_URL/,
    );
    expect(() =>
      loadConfig({ SMTP_URL: 'smtp://mail.example', ENQUIRY_EMAIL_TO: 'a@example.com, sales' }, CWD),
    ).toThrow(/^ENQUIRY_EMAIL_TO=a@example.com, sales is not valid: "sales" is not an e-mail address/);
    expect(() =>
      loadConfig(
        {
          SMTP_URL: 'smtp://mail.example',
          ENQUIRY_EMAIL_TO: 'a@example.com',
          ENQUIRY_EMAIL_FROM: 'Sales <nope>',
        },
        CWD,
      ),
    ).toThrow(/^ENQUIRY_EMAIL_FROM=Sales <nope> is not valid/);
  });
});

describe('replica forwarding configuration', () => {
  it('when a replica sets ENQUIRY_FORWARD_URL, then a long enough ENQUIRY_FORWARD_SECRET is required and never echoed', () => {
    const c = loadConfig(
      { ENQUIRY_FORWARD_URL: 'http://10.0.0.5:3001/', ENQUIRY_FORWARD_SECRET: 'x'.repeat(20) },
      CWD,
    );
    expect(c.enquiryForwardUrl).toBe('http://10.0.0.5:3001');
    expect(() => loadConfig({ ENQUIRY_FORWARD_URL: 'http://10.0.0.5:3001' }, CWD)).toThrow(
      /^ENQUIRY_FORWARD_URL is set without ENQUIRY_FORWARD_SECRET/,
    );
    expect(() => loadConfig({ ENQUIRY_FORWARD_SECRET: 'sh0rtsecret' }, CWD)).toThrow(
      /^ENQUIRY_FORWARD_SECRET is too short/,
    );
    expect(() => loadConfig({ ENQUIRY_FORWARD_SECRET: 'sh0rtsecret' }, CWD)).not.toThrow(/sh0rtsecret/);
    expect(() =>
      loadConfig({ ENQUIRY_FORWARD_URL: 'ftp://x', ENQUIRY_FORWARD_SECRET: 'x'.repeat(20) }, CWD),
    ).toThrow(/^ENQUIRY_FORWARD_URL is not valid/);
  });
});
