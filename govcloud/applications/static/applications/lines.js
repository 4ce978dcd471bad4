// Add an empty catalog-item row to the requirements-form formset, up to the formset's maximum.
function govcloudAddLine(button) {
  var total = document.getElementById("id_lines-TOTAL_FORMS");
  var count = parseInt(total.value, 10);
  if (count >= parseInt(button.dataset.max, 10)) {
    button.disabled = true;
    return;
  }
  var template = document.getElementById("line-template").innerHTML.replace(/__prefix__/g, String(count));
  document.querySelector("[data-testid=line-table] tbody").insertAdjacentHTML("beforeend", template);
  total.value = String(count + 1);
}
