// Progressive enhancement for the admin: every form works without it.
(function () {
  'use strict';
  var token = document.querySelector('input[name="__RequestVerificationToken"]');

  // Markdown live preview, rendered by the server exactly as the site renders it.
  document.querySelectorAll('textarea[data-preview]').forEach(function (area) {
    var target = document.getElementById(area.dataset.preview);
    var timer = 0, sent = 0;
    function render() {
      var body = new FormData();
      body.append('markdown', area.value);
      if (token) body.append('__RequestVerificationToken', token.value);
      var mine = ++sent;
      fetch('/admin/preview', { method: 'POST', body: body, credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.text() : ''; })
        .then(function (html) { if (mine === sent) target.innerHTML = html; });
    }
    area.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(render, 300); });
    render();
  });

  // Type to narrow a long select (content pickers).
  document.querySelectorAll('input[data-filter]').forEach(function (input) {
    var select = document.getElementById(input.dataset.filter);
    input.addEventListener('input', function () {
      var text = input.value.trim().toLowerCase();
      Array.prototype.forEach.call(select.options, function (option) {
        option.hidden = text !== '' && option.value !== '' && option.text.toLowerCase().indexOf(text) < 0 && !option.selected;
      });
    });
  });

  // Ordered lists (a topic's items, a course's lessons): buttons for keyboards, dragging for pointers.
  document.querySelectorAll('[data-ordered-list]').forEach(function (list) {
    function wire(item) {
      item.querySelector('[data-move="up"]').addEventListener('click', function () {
        if (item.previousElementSibling) { list.insertBefore(item, item.previousElementSibling); this.focus(); }
      });
      item.querySelector('[data-move="down"]').addEventListener('click', function () {
        if (item.nextElementSibling) { list.insertBefore(item.nextElementSibling, item); this.focus(); }
      });
      item.querySelector('[data-remove]').addEventListener('click', function () { item.remove(); });
      item.addEventListener('dragstart', function (e) { item.classList.add('dragging'); e.dataTransfer.effectAllowed = 'move'; });
      item.addEventListener('dragend', function () { item.classList.remove('dragging'); });
    }
    Array.prototype.forEach.call(list.children, wire);
    list.addEventListener('dragover', function (e) {
      e.preventDefault();
      var dragging = list.querySelector('.dragging');
      var after = Array.prototype.find.call(list.children, function (child) {
        var box = child.getBoundingClientRect();
        return child !== dragging && e.clientY < box.top + box.height / 2;
      });
      list.insertBefore(dragging, after || null);
    });
    var add = list.parentElement.querySelector('[data-add-to-list]');
    if (add) {
      add.addEventListener('change', function () {
        var option = add.options[add.selectedIndex];
        if (!option.value) return;
        var item = document.createElement('li');
        item.draggable = true;
        item.innerHTML = '<input type="hidden" name="List"><span class="grip" aria-hidden="true">⠿</span><span class="label"></span>' +
          '<button type="button" data-move="up">↑</button><button type="button" data-move="down">↓</button><button type="button" data-remove>✕</button>';
        item.querySelector('input').value = option.value;
        item.querySelector('.label').textContent = option.text;
        ['up', 'down'].forEach(function (d) { item.querySelector('[data-move="' + d + '"]').setAttribute('aria-label', (d === 'up' ? '↑ ' : '↓ ') + option.text); });
        item.querySelector('[data-remove]').setAttribute('aria-label', '✕ ' + option.text);
        list.appendChild(item);
        wire(item);
        add.selectedIndex = 0;
      });
    }
  });

  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (e) { if (!window.confirm(form.dataset.confirm)) e.preventDefault(); });
  });

  // Media library: files dropped on the upload form go into its file input and the form is sent.
  document.querySelectorAll('form[data-drop-upload]').forEach(function (form) {
    var input = form.querySelector('input[type="file"]');
    var hint = form.querySelector('.drop-hint');
    if (hint) hint.hidden = false;
    ['dragenter', 'dragover'].forEach(function (name) {
      form.addEventListener(name, function (e) { e.preventDefault(); form.classList.add('dragging'); });
    });
    form.addEventListener('dragleave', function () { form.classList.remove('dragging'); });
    form.addEventListener('drop', function (e) {
      e.preventDefault();
      form.classList.remove('dragging');
      if (!e.dataTransfer || e.dataTransfer.files.length === 0) return;
      input.files = e.dataTransfer.files;
      form.submit();
    });
  });

  // Media picker, opened beside an editor: the chosen image becomes the editor's choice for that field.
  document.querySelectorAll('button[data-pick]').forEach(function (button) {
    var editor = window.opener;
    if (!editor || editor.location.origin !== window.location.origin) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      var name = button.dataset.target;
      var fieldset = editor.document.querySelector('[data-media-choices="' + name + '"]');
      if (!fieldset) {
        // An address field (video, audio): the chosen file's address goes in it.
        var input = editor.document.querySelector('input[name="' + name + '"]');
        if (input) { input.value = button.dataset.pick; window.close(); }
        return;
      }
      var radio = Array.prototype.find.call(fieldset.querySelectorAll('input[type="radio"]'), function (r) { return r.value === button.dataset.pick; });
      if (!radio) {
        var label = editor.document.createElement('label');
        label.className = 'media-choice';
        radio = editor.document.createElement('input');
        radio.type = 'radio';
        radio.name = name;
        radio.value = button.dataset.pick;
        var image = editor.document.createElement('img');
        image.src = button.dataset.pick + '?profile=thumb';
        image.alt = '';
        image.width = 96;
        image.height = 72;
        label.append(radio, image);
        fieldset.append(label);
      }
      radio.checked = true;
      window.close();
    });
  });
})();
