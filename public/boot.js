// Runs before the app, as an external file (the Content-Security-Policy allows no inline script).
// `F` is the app's facts (keys, paths, words), written in by the build (tools/release/src/boot.rs)
// from the app's own constants and catalogs.
//
// 1. The theme: a remembered Light or Dark choice is applied at once, so the page does not
//    flash. Auto leaves the system in charge.
// 2. When the page's WebAssembly stops (a panic, a module that cannot start, its file gone after
//    a redeploy), buttons would do nothing without a word. This says so, with Reload. Edits kept
//    in this tab (sessionStorage) come back after the reload.
// 3. The language, into <html lang> before anything is read out: the stored choice, else the
//    first of the browser's languages the page has (English of any region; zh, zh-CN, zh-SG,
//    zh-Hans… as Simplified Chinese), else English. The app reads it back and fetches that
//    language's words.
// 4. Opened at Hotkeys: the list is asked for the moment whoami answers, instead of after the
//    module has started and read whoami itself. The app's transport takes each answer once.
var F = "__BOOT_FACTS__";
try {
  var theme = F.themes[localStorage.getItem(F.themeKey)];
  if (theme) document.documentElement.dataset.theme = theme;
} catch (e) {}
(function () {
  var lang;
  try { lang = localStorage.getItem(F.langKey); } catch (e) {}
  if (F.langs.indexOf(lang) < 0) {
    lang = F.english;
    var all = navigator.languages || [navigator.language || ""];
    for (var i = 0; i < all.length; i++) {
      var tag = String(all[i]).toLowerCase().replace("_", "-");
      if (/^en(-|$)/.test(tag)) break;
      if (/^zh(-(cn|sg|hans)(-|$)|$)/.test(tag)) { lang = F.chinese; break; }
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
    // In the page's language (3.); every text goes in as text.
    var words = F.stopped[document.documentElement.lang] || F.stopped[F.english];
    function add(tag, className, text) {
      var element = box.appendChild(document.createElement(tag));
      element.className = className;
      element.textContent = text;
      return element;
    }
    add("p", "stopped__text", words.text);
    add("p", "stopped__detail", String(what).slice(0, 200));
    var reload = add("button", "button button--primary", words.reload);
    reload.type = "button";
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
    var file = String(event.filename || "");
    if (target instanceof HTMLScriptElement) {
      stopped("Could not load " + (target.src || "the page's code") + ".");
    } else if (fromWasm(event.error) || file.slice(file.lastIndexOf("/") + 1).indexOf(F.loader) === 0) {
      // A trap in the module, or the loader failing to fetch or start the module.
      stopped(event.error || event.message);
    }
  }, true);
  addEventListener("unhandledrejection", function (event) {
    if (fromWasm(event.reason)) stopped(event.reason);
  });
})();

(function () {
  // Hotkeys only: the other sections' first requests wait for the module. What comes before
  // the page's own path is Label Studio's prefix, as the app finds it.
  var path = location.pathname.replace(/\/$/, "");
  var end = path.length - F.hotkeysPage.length;
  if (end < 0 || path.slice(end) !== F.hotkeysPage) return;
  var prefix = path.slice(0, end);
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
  // on a server whose whoami says it has hotkeys (Label Studio 1.20 has no such endpoint).
  var whoami = ask(prefix + F.whoami)();
  var hotkeys = ask(prefix + F.hotkeys);
  whoami.then(function (response) {
    return response.ok && response.clone().json();
  }).then(function (user) {
    if (user && F.hasHotkeys in Object(user)) hotkeys();
  }).catch(function () {});
  // The app's own request for `path`, once: the answer this page got or is getting (sent now if
  // this page has not yet: the app asks only what the server has). Null for any other path.
  // `signal` (the app's Cancel and timeout) stops it as it would stop the app's own fetch.
  window[F.take] = function (path, signal) {
    var found = early[path];
    delete early[path];
    if (!found) return null;
    if (signal.aborted) found.stop.abort(signal.reason);
    else signal.addEventListener("abort", function () { found.stop.abort(signal.reason); });
    return found.send();
  };
})();
