// Where the page is: #/page/id?filters, so every view has a URL that can be shared or bookmarked.

/** #/businesses/biz_1?status=SUCCESS → {page: 'business', id: 'biz_1', params: URLSearchParams}. */
export function route() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, search = ''] = hash.split('?');
  const [name, ...rest] = path.split('/').filter(Boolean).map(decodeURIComponent);
  let page = name || 'overview';
  if (page === 'businesses' && rest.length) page = 'business';
  return {page, id: rest.join('/') || null, params: new URLSearchParams(search)};
}

/** Changes the filters of the current page in its URL (and so in the history), which renders it again. */
export function navigate(path, params = {}) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, value);
  }
  const text = search.toString();
  location.hash = '#/' + path + (text ? '?' + text : '');
}
