// Filters the conformance catalogue and coverage pages. Without JavaScript the form stays hidden and
// everything is shown. Items ([data-item]) match every control: a select or checkbox names a data attribute
// (space-separated values match any), the text box matches the item's text. Sub-items ([data-subitem]) follow
// the attribute controls only; groups ([data-group]) hide when none of their items is shown.
(() => {
  const form = document.querySelector('form.conformance-filters');
  if (!form) return;
  const controls = [...form.querySelectorAll('[data-filter]')];
  const items = [...document.querySelectorAll('[data-item]')];
  const subitems = [...document.querySelectorAll('[data-subitem]')];
  const groups = [...document.querySelectorAll('[data-group]')];
  const count = form.querySelector('.filter-count');
  const text = new Map(items.map((item) => [item, item.textContent.toLowerCase()]));
  const valueOf = (control) =>
    control.type === 'checkbox' ? (control.checked ? control.value : '') : control.value.trim();
  const attributeMatch = (element, key, value) => {
    const attribute = element.dataset[key];
    return attribute === undefined || attribute.split(' ').includes(value);
  };
  const apply = () => {
    const active = controls.map((control) => [control.dataset.filter, valueOf(control)]).filter(([, v]) => v);
    let shown = 0;
    for (const item of items) {
      const visible = active.every(([key, value]) =>
        key === 'text' ? text.get(item).includes(value.toLowerCase()) : attributeMatch(item, key, value),
      );
      item.hidden = !visible;
      if (visible) shown++;
    }
    for (const sub of subitems) {
      sub.hidden = !active.every(([key, value]) => key === 'text' || attributeMatch(sub, key, value));
    }
    for (const group of groups) group.hidden = !group.querySelector('[data-item]:not([hidden])');
    if (count) count.textContent = `${shown} of ${items.length} ${form.dataset.noun || 'items'} shown`;
  };
  for (const control of controls) {
    control.addEventListener(control.type === 'search' ? 'input' : 'change', apply);
  }
  form.addEventListener('submit', (event) => event.preventDefault());
  form.parentElement.hidden = false;
  apply();
})();
