// Filters a table (requirements, proposals) by the selects that name a row data attribute.
(() => {
  const selects = [...document.querySelectorAll('select[data-filter]')];
  const rows = [...document.querySelectorAll('table.requirements tbody tr, table.filterable tbody tr')];
  const count = document.querySelector('.filter-count');
  const apply = () => {
    let shown = 0;
    for (const row of rows) {
      const visible = selects.every((select) => !select.value || row.dataset[select.dataset.filter] === select.value);
      row.hidden = !visible;
      if (visible) shown++;
    }
    if (count) count.textContent = `${shown} of ${rows.length} shown`;
  };
  for (const select of selects) select.addEventListener('change', apply);
  apply();
})();
