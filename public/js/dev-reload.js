// Development only (npm run dev): reloads this tab when Folio reports a saved change over Server-Sent Events.
// The server sends `hello` with its boot id on every (re)connection: a new id means it restarted, so reload.
(function () {
  'use strict';
  if (typeof EventSource === 'undefined') return;
  var bootId = null;
  var source = new EventSource('/__folio/events');
  source.addEventListener('hello', function (event) {
    if (bootId !== null && bootId !== event.data) window.location.reload();
    bootId = event.data;
  });
  source.addEventListener('reload', function (event) {
    try {
      var change = JSON.parse(event.data);
      console.info('[folio] ' + change.files.join(', ') + ' changed; reloading');
    } catch (error) {
      // A malformed event still means "something changed".
    }
    source.close();
    window.location.reload();
  });
  window.addEventListener('pagehide', function () {
    source.close();
  });
})();
