// Offline reports: without signal, the report form is kept on the phone (IndexedDB, photos included) and sent to
// /api/v1/complaints when the connection returns, each with its own idempotency key so a resend after a dropped
// connection never makes a second report. Reports sent from this phone are remembered in localStorage.
(function () {
  'use strict';
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/sw.js').catch(function () { /* the form still works online */ });
  }

  var form = document.getElementById('report-form');
  var status = document.getElementById('offline-status');
  var sentList = document.getElementById('sent-reports');
  if (!form || !status || !window.indexedDB) {
    return;
  }

  var STORE = 'reports';
  var SENT = 'integritas.sentReports';

  function openDb() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open('integritas-offline', 1);
      request.onupgradeneeded = function () { request.result.createObjectStore(STORE, { keyPath: 'key' }); };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function withStore(mode, action) {
    return openDb().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(STORE, mode);
        var result = action(tx.objectStore(STORE));
        tx.oncomplete = function () { resolve(result && result.result !== undefined ? result.result : undefined); };
        tx.onerror = function () { reject(tx.error); };
      });
    });
  }

  function newKey() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID().replace(/-/g, '');
    }
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  function say(text) {
    status.textContent = text;
  }

  function remember(item) {
    var sent = JSON.parse(localStorage.getItem(SENT) || '[]');
    if (!sent.some(function (s) { return s.tracking_number === item.tracking_number; })) {
      sent.unshift(item);
      localStorage.setItem(SENT, JSON.stringify(sent.slice(0, 20)));
    }
    showSent();
  }

  function showSent() {
    if (!sentList) {
      return;
    }
    var sent = JSON.parse(localStorage.getItem(SENT) || '[]');
    sentList.textContent = '';
    sentList.hidden = sent.length === 0;
    sent.forEach(function (s) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = s.private_url || s.url;
      a.textContent = s.tracking_number;
      li.appendChild(a);
      sentList.appendChild(li);
    });
  }

  function pending() {
    return withStore('readonly', function (store) { return store.getAll(); });
  }

  var flushing = false;
  function flush() {
    if (flushing) {
      return Promise.resolve();
    }
    if (!navigator.onLine) {
      return count();
    }
    flushing = true;
    return pending().then(function (items) {
      return items.reduce(function (chain, item) {
        return chain.then(function () {
          var body = new FormData();
          item.fields.forEach(function (f) {
            if (f.file) {
              body.append(f.name, f.file, f.filename || 'foto.jpg');
            } else {
              body.append(f.name, f.value);
            }
          });
          return fetch('/api/v1/complaints', { method: 'POST', body: body, headers: { 'Idempotency-Key': item.key } })
            .then(function (response) {
              if (response.status === 200 || response.status === 201) {
                return response.json().then(function (made) {
                  remember(made);
                  say(status.getAttribute('data-sent').replace('{n}', made.tracking_number));
                  return withStore('readwrite', function (store) { return store.delete(item.key); });
                });
              }
              if (response.status === 400) {
                // The server refused it (it will never succeed as it is): tell the citizen and drop it.
                return response.json().then(function (problem) {
                  var messages = [];
                  Object.keys(problem.errors || {}).forEach(function (k) { messages = messages.concat(problem.errors[k]); });
                  say(status.getAttribute('data-refused') + ' ' + messages.join(' '));
                  return withStore('readwrite', function (store) { return store.delete(item.key); });
                });
              }
              throw new Error('retry later');
            });
        });
      }, Promise.resolve());
    }).catch(function () { /* still no usable connection: try again at the next 'online' event */ })
      .then(function () { flushing = false; return count(); });
  }

  function count() {
    return pending().then(function (items) {
      if (items.length > 0) {
        say(status.getAttribute('data-pending').replace('{n}', items.length));
      }
    });
  }

  form.addEventListener('submit', function (event) {
    if (navigator.onLine) {
      return;
    }
    event.preventDefault();
    if (!form.reportValidity()) {
      return;
    }
    var data = new FormData(form);
    var fields = [];
    data.forEach(function (value, name) {
      if (name === '__RequestVerificationToken' || name === 'IdempotencyKey') {
        return;
      }
      if (value instanceof File) {
        if (value.size > 0) {
          fields.push({ name: name, file: value, filename: value.name });
        }
      } else {
        fields.push({ name: name, value: value });
      }
    });
    var key = form.querySelector('input[name=IdempotencyKey]');
    var item = { key: (key && key.value) || newKey(), created: new Date().toISOString(), fields: fields };
    withStore('readwrite', function (store) { return store.put(item); }).then(function () {
      form.reset();
      if (key) {
        key.value = newKey();
      }
      say(status.getAttribute('data-queued'));
    }).catch(function () {
      say(status.getAttribute('data-failed'));
    });
  });

  window.addEventListener('online', flush);
  showSent();
  flush();
})();
