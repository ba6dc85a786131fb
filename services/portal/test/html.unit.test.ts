import { escapeHtml, html } from '../src/html';

describe('html', () => {
  it("escapes founders' own words, so they never become markup", () => {
    const name = '<script>alert("x")</script> & Søn\'s';
    expect(html`<p>${name}</p>`.value).toBe(
      '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Søn&#39;s</p>',
    );
  });

  it('keeps nested html as markup and joins lists', () => {
    const items = ['a', 'b<'].map((item) => html`<li>${item}</li>`);
    const list = html`<ul>
      ${items}
    </ul>`.value;
    expect(list).toContain('<li>a</li><li>b&lt;</li>');
  });

  it('leaves out undefined, null and false, and writes numbers', () => {
    expect(html`${undefined}${null}${false}${3}`.value).toBe('3');
    expect(escapeHtml('"')).toBe('&quot;');
  });
});
