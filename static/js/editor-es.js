// The text editor's toolbar in Spanish. django-prose-editor translates its dialogs with Django's JavaScript
// catalog (window.gettext, the admin's jsi18n), but writes its toolbar's tooltips and the heading menu in
// English without it; once an editor is ready (the package's own "prose-editor:ready" event) they go through
// the same catalog, whose Spanish lives in locale/es/LC_MESSAGES/djangojs.po.
"use strict";
document.addEventListener("prose-editor:ready", (evento) => {
  const traducir = window.gettext;
  const barra = evento.target.closest(".prose-editor")?.querySelector(".prose-menubar");
  if (!traducir || !barra) return;
  for (const boton of barra.querySelectorAll("[title]")) {
    const texto = traducir(boton.title);
    boton.title = texto;
    if (boton.hasAttribute("aria-label")) boton.setAttribute("aria-label", texto);
  }
  for (const opcion of barra.querySelectorAll(".prose-menubar__option > *")) {
    opcion.textContent = traducir(opcion.textContent);
  }
});
