// Small enhancements; every page works without JavaScript.
document.addEventListener('keydown', (event) => {
  if (event.key === '/' && document.activeElement?.tagName !== 'INPUT') {
    const search = document.getElementById('site-search');
    if (search) {
      event.preventDefault();
      search.focus();
    }
  }
});
