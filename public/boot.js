// Runs before the app, as an external file (the Content-Security-Policy allows no inline script).
//
// 1. The theme: a remembered Light or Dark choice is applied at once, so the page does not
//    flash. Label Studio's own key and values (src/domain/theme.rs); Auto leaves the system in
//    charge.
// 2. When the page's WebAssembly stops (a panic, a module that cannot start, its file gone after
//    a redeploy), buttons would do nothing without a word. This says so, with Reload. Edits kept
//    in this tab (sessionStorage) come back after the reload.
// 3. The language, into <html lang> before anything is read out: the choice stored under Label
//    Studio's own key (src/domain/i18n/mod.rs), else the first of the browser's languages the
//    page has (English of any region; zh, zh-CN, zh-SG, zh-Hans… as Simplified Chinese), else
//    English. The app reads it back and fetches that language's words.
// 4. Opened at Hotkeys: the list is asked for the moment whoami answers, instead of after the
//    module has started and read whoami itself (about 100 ms later). The app's transport takes
//    each answer once (src/api/http.rs).
try {
  var theme = localStorage.getItem("preferred-color-scheme");
  if (theme === "Light" || theme === "Dark") document.documentElement.dataset.theme = theme.toLowerCase();
} catch (e) {}
(function () {
  var lang;
  try { lang = localStorage.getItem("label-studio.lang"); } catch (e) {}
  if (!/^(en|zh-CN|en-XA)$/.test(lang)) {
    lang = "en";
    var all = navigator.languages || [navigator.language || ""];
    for (var i = 0; i < all.length; i++) {
      var tag = String(all[i]).toLowerCase().replace("_", "-");
      if (/^en(-|$)/.test(tag)) break;
      if (/^zh(-(cn|sg|hans)(-|$)|$)/.test(tag)) { lang = "zh-CN"; break; }
    }
  }
  document.documentElement.lang = lang;
})();

(function () {
  var shown = false;
  function stopped(what) {
    if (shown) return;
    shown = true;
    var box = document.createElement("div");
    box.className = "stopped";
    box.setAttribute("role", "alert");
    box.dataset.testid = "page-stopped";
    // Fixed markup only; the error's own text goes in as text. In the page's language (3.).
    var zh = document.documentElement.lang === "zh-CN";
    box.innerHTML = '<p class="stopped__text">' + (zh
      ? "此页面已停止工作，无法继续。请刷新页面；保存在此标签页中的修改会在刷新后恢复。"
      : "This page stopped working and cannot go on. Reload it to continue; edits kept in this " +
        "tab come back after the reload.") + '</p><p class="stopped__detail"></p>' +
      '<button type="button" class="button button--primary">' + (zh ? "刷新" : "Reload") + "</button>";
    box.children[1].textContent = String(what).slice(0, 200);
    var reload = box.children[2];
    reload.onclick = function () { location.reload(); };
    document.body.prepend(box);
    reload.focus();
  }
  function fromWasm(error) {
    return typeof WebAssembly === "object" && (error instanceof WebAssembly.RuntimeError ||
      error instanceof WebAssembly.CompileError || error instanceof WebAssembly.LinkError);
  }
  // Capture phase: a script that fails to load fires `error` on its element, which only a
  // capturing listener on window sees. Our only scripts are this one and the app's loader.
  addEventListener("error", function (event) {
    var target = event.target;
    if (target instanceof HTMLScriptElement) {
      stopped("Could not load " + (target.src || "the page's code") + ".");
    } else if (fromWasm(event.error) || /\/loader-[0-9a-f]+\.js$/.test(event.filename || "")) {
      // A trap in the module, or the loader failing to fetch or start the module.
      stopped(event.error || event.message);
    }
  }, true);
  addEventListener("unhandledrejection", function (event) {
    if (fromWasm(event.reason)) stopped(event.reason);
  });
})();

(function () {
  // Hotkeys only: the other sections' first requests wait for the module, as before. `at[1]` is
  // Label Studio's prefix, found as the app finds it (src/api/site.rs, `from_page_path`); the
  // paths are the app's (src/api/paths.rs, `WHOAMI` and `HOTKEYS`), so the app's requests match.
  var at = /^(.*)\/user\/account\/hotkeys\/?$/.exec(location.pathname);
  if (!at) return;
  var early = {};
  // A request this page may send before the app asks for it; `send` sends it once.
  function ask(path) {
    var stop = new AbortController();
    var sent = null;
    function send() {
      if (!sent) {
        sent = fetch(path, { signal: stop.signal });
        // Failures are the app's to report when it takes the answer, not the console's.
        sent.catch(function () {});
      }
      return sent;
    }
    early[path] = { send: send, stop: stop };
    return send;
  }
  // One request at a time, like the app: whoami (taking index.html's preload), then the list,
  // on a server whose whoami has `custom_hotkeys` (src/domain/release.rs, `hotkeys_asked_early`;
  // Label Studio 1.20 has no such endpoint).
  var whoami = ask(at[1] + "/api/current-user/whoami")();
  var hotkeys = ask(at[1] + "/api/current-user/hotkeys/");
  whoami.then(function (response) {
    return response.ok && response.clone().json();
  }).then(function (user) {
    if (user && "custom_hotkeys" in Object(user)) hotkeys();
  }).catch(function () {});
  // The app's own request for `path`, once: the answer this page got or is getting (sent now if
  // this page has not yet: the app asks only what the server has). Null for any other path.
  // `signal` (the app's Cancel and timeout) stops it as it would stop the app's own fetch.
  window.__takeEarly = function (path, signal) {
    var found = early[path];
    delete early[path];
    if (!found) return null;
    if (signal.aborted) found.stop.abort(signal.reason);
    else signal.addEventListener("abort", function () { found.stop.abort(signal.reason); });
    return found.send();
  };
})();
