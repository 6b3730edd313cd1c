// The text editor's toolbar in Spanish. django-prose-editor translates its dialogs with Django's JavaScript
// catalog (window.gettext, the admin's jsi18n), but writes its toolbar's tooltips and the heading menu in
// English without it; once an editor is ready (the package's own "prose-editor:ready" event, fired just before
// the toolbar is attached) they go through the same catalog, whose Spanish is in locale/es/LC_MESSAGES.
"use strict";
(() => {
  const traducirBarra = (barra) => {
    for (const boton of barra.querySelectorAll("[title]")) {
      const texto = window.gettext(boton.title);
      boton.title = texto;
      if (boton.hasAttribute("aria-label")) boton.setAttribute("aria-label", texto);
    }
    for (const opcion of barra.querySelectorAll(".prose-menubar__option > *")) {
      opcion.textContent = window.gettext(opcion.textContent);
    }
  };
  document.addEventListener("prose-editor:ready", (evento) => {
    const editor = evento.target.closest(".prose-editor");
    if (!window.gettext || !editor) return;
    const barra = editor.querySelector(".prose-menubar");
    if (barra) return traducirBarra(barra);
    const observador = new MutationObserver(() => {
      const nueva = editor.querySelector(".prose-menubar");
      if (nueva) {
        observador.disconnect();
        traducirBarra(nueva);
      }
    });
    observador.observe(editor, { childList: true, subtree: true });
  });
})();
