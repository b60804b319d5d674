// Applies a remembered light/dark choice before the app loads, so the page does not flash.
// An external file (not inline) so the page runs under a strict Content-Security-Policy.
try {
  var theme = localStorage.getItem("ls-account-theme");
  if (theme === "light" || theme === "dark") document.documentElement.setAttribute("data-theme", theme);
} catch (e) {}
