/* global document, fetch, location, window, setInterval */
// The offline page's retry (client/public/offline.html): when the browser says it is online again,
// or every few seconds while the page is open, ask the server if it answers; reload the address
// the visitor asked for as soon as it does. An external file: the CSP allows no inline script.
(function () {
  var status = document.getElementById('status');
  var busy = false;
  function say(zh, en) {
    if (status) status.textContent = zh + ' / ' + en;
  }
  function probe() {
    if (busy) return;
    busy = true;
    say('正在检查网络…', 'Checking the network…');
    fetch('/api/health', { cache: 'no-store' })
      .then(function (r) {
        if (r.ok) {
          say('已恢复连接，正在打开…', 'Back online, opening…');
          location.reload();
        } else say('服务器暂时没有响应，稍后自动重试。', 'The server is not answering yet; retrying shortly.');
      })
      .catch(function () {
        say('仍然离线，稍后自动重试。', 'Still offline; retrying shortly.');
      })
      .then(function () {
        busy = false;
      });
  }
  var retry = document.querySelector('[data-testid="offline-retry"]');
  if (retry)
    retry.addEventListener('click', function (e) {
      e.preventDefault();
      probe();
    });
  window.addEventListener('online', probe);
  setInterval(probe, 8000);
})();
