// Live updates: the server says when the read models moved on (server-sent events), and every part of the page
// marked data-live reloads itself in place through htmx. The browser reconnects by itself if the stream drops.
(function () {
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
