import { describe, expect, it } from 'vitest';
import { renderApprovalRequest } from './approval-request';
import { detailsMailHtml, detailsMailText } from './details';

const details = {
  orderId: 'A-1',
  total: 1500.5,
  customerEmail: 'ada@example.com',
  placedAt: '2026-12-03T14:05:00Z',
  shipping: { city: 'Lyon', express: true },
  items: [
    { name: 'ThinkPad', qty: 2 },
    { name: 'Dock', price: 180 },
  ],
  tags: ['urgent', 'q4'],
};

describe('detailsMailHtml', () => {
  it('renders labelled fields, sections, tables and lists, never raw JSON', () => {
    const html = detailsMailHtml(details);
    expect(html).toContain('>Customer email</th>');
    expect(html).toContain('>Order ID</th>');
    expect(html).toContain('1,500.5');
    expect(html).toContain('3 Dec 2026, 14:05 UTC');
    expect(html).toContain('>City</th>');
    expect(html).toContain('>Yes<');
    expect(html).toMatch(
      /<thead><tr><th[^>]*>Name<\/th><th[^>]*>Qty<\/th><th[^>]*>Price<\/th><\/tr><\/thead>/,
    );
    expect(html).toContain('<li><span style="white-space:pre-wrap">urgent</span></li>');
    expect(html).not.toContain('{');
    expect(html).not.toContain('"name"');
  });

  it('escapes every value and every label', () => {
    const html = detailsMailHtml({
      '<img src=x onerror=alert(1)>': '<script>alert("x")</script>',
      rows: [{ '<b>': "it's <i>" }],
      list: ['<u>a</u>'],
    });
    expect(html).not.toMatch(/<script|<img|<b>|<i>|<u>/);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('it&#39;s &lt;i&gt;');
    expect(html).toContain('&lt;u&gt;a&lt;/u&gt;');
  });

  it('cuts long text with a pointer to the page, and says nothing for empty details', () => {
    const html = detailsMailHtml({ note: 'y'.repeat(5000) });
    expect(html).toContain('… (the rest is on the request page)');
    expect(html).not.toContain('y'.repeat(1001));
    expect(detailsMailHtml(null)).toBe('');
    expect(detailsMailHtml({})).toBe('');
  });
});

describe('detailsMailText', () => {
  it('writes the same model as indented text', () => {
    expect(detailsMailText(details).split('\n')).toEqual([
      '  Order ID: A-1',
      '  Total: 1,500.5',
      '  Customer email: ada@example.com',
      '  Placed at: 3 Dec 2026, 14:05 UTC',
      '  Shipping:',
      '    City: Lyon',
      '    Express: Yes',
      '  Items:',
      '    1. Name: ThinkPad; Qty: 2',
      '    2. Name: Dock; Price: 180',
      '  Tags:',
      '    - urgent',
      '    - q4',
    ]);
    expect(detailsMailText(null)).toBe('');
  });
});

describe('the approval request mail', () => {
  it('carries the rendered details in both parts, escaped in HTML', () => {
    const mail = renderApprovalRequest({
      kind: 'approval-request',
      title: 'Order <A-1>',
      details: { note: '<script>alert(1)</script>', customerEmail: 'ada@example.com' },
      workflowName: 'orders',
      requester: 'api',
      link: 'https://signoff.test/approve/abc',
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).toContain('Customer email');
    expect(mail.text).toContain('  Customer email: ada@example.com');
    expect(mail.text).toContain('  Note: <script>alert(1)</script>');
  });
});
