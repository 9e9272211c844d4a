// Offline full-text search over /search-index.json with MiniSearch.
(async () => {
  const results = document.getElementById('search-results');
  const input = document.getElementById('search-query');
  const query = new URLSearchParams(location.search).get('q') ?? '';
  if (input) input.value = query;
  if (!results || !query.trim()) return;
  const response = await fetch('/search-index.json');
  const index = MiniSearch.loadJSON(await response.text(), {
    fields: ['title', 'text'],
    storeFields: ['url', 'title', 'page'],
  });
  const hits = index.search(query, { prefix: true, fuzzy: 0.1, boost: { title: 2 }, combineWith: 'AND' }).slice(0, 50);
  results.replaceChildren();
  const summary = document.createElement('p');
  summary.textContent = `${hits.length} result${hits.length === 1 ? '' : 's'} for “${query}”`;
  results.append(summary);
  const list = document.createElement('ol');
  list.className = 'search-results';
  for (const hit of hits) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = hit.url;
    link.textContent = hit.title;
    const where = document.createElement('span');
    where.className = 'search-page-name';
    where.textContent = ` — ${hit.page}`;
    item.append(link, where);
    list.append(item);
  }
  results.append(list);
})();
