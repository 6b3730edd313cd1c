// Progressive enhancement of the PQRSD form (it works without this file): the personal-data section hides
// while "anónima" is checked, and the anonymous option is offered only for quejas and denuncias.
(function () {
  "use strict";
  var form = document.querySelector(".formulario-pqrsd form");
  if (!form) return;
  var anonimo = form.querySelector("input[name=anonimo]");
  var persona = form.querySelector(".persona");
  var casilla = anonimo && anonimo.closest(".campo-f");
  var permitidos = ["queja", "denuncia"];
  function actualizar() {
    var tipo = form.querySelector("input[name=tipo]:checked");
    var permite = tipo && permitidos.indexOf(tipo.value) !== -1;
    if (casilla) casilla.hidden = !permite;
    if (!permite && anonimo) anonimo.checked = false;
    if (persona) persona.hidden = Boolean(anonimo && anonimo.checked);
  }
  form.addEventListener("change", actualizar);
  actualizar();
})();
