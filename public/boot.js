// Runs before the app, as an external file (the Content-Security-Policy allows no inline script).
//
// 1. The theme: a remembered Light or Dark choice is applied at once, so the page does not
//    flash. Label Studio's own key and values (src/domain/theme.rs); Auto leaves the system in
//    charge.
// 2. When the page's WebAssembly stops (a panic, a module that cannot start, its file gone after
//    a redeploy), buttons would do nothing without a word. This says so, with Reload. Edits kept
//    in this tab (sessionStorage) come back after the reload.
try {
  var theme = localStorage.getItem("preferred-color-scheme");
  if (theme === "Light" || theme === "Dark") document.documentElement.dataset.theme = theme.toLowerCase();
} catch (e) {}

(function () {
  var shown = false;
  function stopped(what) {
    if (shown) return;
    shown = true;
    var box = document.createElement("div");
    box.className = "stopped";
    box.setAttribute("role", "alert");
    box.dataset.testid = "page-stopped";
    // Fixed markup only; the error's own text goes in as text.
    box.innerHTML = '<p class="stopped__text">This page stopped working and cannot go on. Reload ' +
      'it to continue; edits kept in this tab come back after the reload.</p>' +
      '<p class="stopped__detail"></p><button type="button" class="button button--primary">Reload</button>';
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
