import { Html } from './html';

/**
 * One small stylesheet. Colours meet WCAG 2.1 AA contrast (text #1a1a1a on white 17:1, links
 * #0b4f8a 8.6:1, errors #a4000f 7.9:1); focus is always visible; layout uses logical properties
 * so right-to-left languages mirror without changes.
 */
export const STYLES = new Html(`
:root { font-family: system-ui, sans-serif; color: #1a1a1a; background: #fff; line-height: 1.5; }
body { margin: 0; }
a { color: #0b4f8a; }
a:focus, button:focus, input:focus, select:focus, textarea:focus, main:focus-visible {
  outline: 3px solid #c26a00; outline-offset: 2px; }
.skip { position: absolute; inset-inline-start: -999px; }
.skip:focus { inset-inline-start: 1rem; top: 1rem; background: #fff; padding: .5rem; }
header { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; padding: 1rem 2rem;
  border-block-end: 1px solid #767676; }
header ul { display: flex; gap: 1rem; list-style: none; margin: 0; padding: 0; }
.brand { font-weight: 700; margin: 0; }
.languages { margin-inline-start: auto; }
main { padding: 1rem 2rem; max-width: 60rem; }
label { display: block; font-weight: 600; margin-block-start: 1rem; }
input, select, textarea { font: inherit; padding: .4rem; border: 1px solid #595959; max-width: 100%; }
fieldset { margin-block-start: 1rem; border: 1px solid #767676; }
fieldset label { display: inline; font-weight: 400; margin: 0; }
button { font: inherit; padding: .5rem 1rem; margin-block-start: 1rem; background: #0b4f8a; color: #fff;
  border: 0; cursor: pointer; }
.error { color: #a4000f; font-weight: 600; }
.error-summary { border: 3px solid #a4000f; padding: 1rem; }
.hint { color: #4a4a4a; font-size: .95rem; }
.board { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 1rem; }
.board section { border: 1px solid #767676; padding: .5rem 1rem; }
table { border-collapse: collapse; }
.filters fieldset { display: flex; flex-wrap: wrap; gap: 0 1.5rem; align-items: end; }
.filters .field { max-inline-size: 18rem; }
.filters .field label { display: block; font-weight: 600; margin-block-start: .5rem; }
.filters .field .error { margin: 0; }
.filters fieldset > p { flex-basis: 100%; margin: 0; }
.notice { border-inline-start: 4px solid #595959; padding-inline-start: .8rem; }
.suppressed { font-style: italic; }
svg.chart { max-inline-size: 40rem; display: block; }
.table-scroll { overflow-x: auto; }
figure { margin: 1rem 0; }
th, td { border: 1px solid #767676; padding: .3rem .6rem; text-align: start; }
.bar { background: #0b4f8a; height: 1rem; }
`);
