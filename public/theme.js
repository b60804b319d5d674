// Applies a remembered Light or Dark choice before the app loads, so the page does not flash.
// Label Studio's own key and values (src/domain/theme.rs); Auto leaves the system in charge.
// An external file (not inline) so the page runs under a strict Content-Security-Policy.
try {
  var theme = localStorage.getItem("preferred-color-scheme");
  if (theme === "Light" || theme === "Dark") document.documentElement.setAttribute("data-theme", theme.toLowerCase());
} catch (e) {}
