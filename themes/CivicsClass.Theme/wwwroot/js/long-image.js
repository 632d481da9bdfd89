// Long images (长图): a tap opens the whole picture at the phone's width in a layer that scrolls and
// pinch-zooms; a tap on the picture shows it at full resolution. Without script the link opens the original.
(function () {
  'use strict';
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a[data-long-image]');
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    var layer = document.createElement('div');
    layer.className = 'long-viewer';
    layer.setAttribute('role', 'dialog');
    layer.setAttribute('aria-modal', 'true');
    var close = document.createElement('button');
    close.type = 'button';
    close.className = 'long-viewer-close';
    close.textContent = link.dataset.close || '×';
    var image = document.createElement('img');
    image.src = link.dataset.phone || link.href;
    image.alt = (link.querySelector('img') || {}).alt || '';
    image.addEventListener('click', function () {
      layer.classList.toggle('zoomed');
      if (layer.classList.contains('zoomed')) image.src = link.href;
    });
    function shut() {
      layer.remove();
      document.body.classList.remove('long-viewer-open');
      document.removeEventListener('keydown', onKey);
      link.focus();
    }
    function onKey(key) { if (key.key === 'Escape') shut(); }
    close.addEventListener('click', shut);
    document.addEventListener('keydown', onKey);
    layer.append(close, image);
    document.body.append(layer);
    document.body.classList.add('long-viewer-open');
    close.focus();
  });
})();
