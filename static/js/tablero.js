// The dashboard's print button: shown only when JavaScript runs (without it, the browser's Print menu does the same).
document.querySelectorAll("[data-imprimir]").forEach(function (boton) {
  boton.hidden = false;
  boton.addEventListener("click", function () { window.print(); });
});
