// Live updates: the server says when the read models moved on (server-sent events), and every part of the page
// marked data-live reloads itself in place through htmx. The browser reconnects by itself if the stream drops.
(function () {
  // a part whose request fails shows the answer (the error page's words) in its place, not "Loading…" for ever
  htmx.config.responseHandling = [
    {code: '204', swap: false},
    {code: '[23]..', swap: true},
    {code: '[45]..', swap: true, error: true}
  ];
  if (!window.EventSource) {
    return;
  }
  var changes = new EventSource('/ui/changes');
  changes.addEventListener('changed', function () {
    document.querySelectorAll('[data-live]').forEach(function (part) {
      htmx.trigger(part, 'refresh');
    });
  });
})();
