/* "Link this claim": picking a candidate preselects the relation its reason suggests and says
 * why; picking one without a suggestion leaves the choice to the editor. */
(function () {
  "use strict";

  function init() {
    var relation = document.getElementById("id_relation");
    var why = document.getElementById("relation-why");
    if (!relation || !why) return;
    var chosenByHand = false;
    relation.addEventListener("change", function () { chosenByHand = true; });
    document.querySelectorAll('input[type=radio][name=to_claim]').forEach(function (radio) {
      radio.addEventListener("change", function () {
        if (!radio.checked) return;
        if (radio.dataset.relation) {
          relation.value = radio.dataset.relation;
          chosenByHand = false;
          why.textContent = radio.dataset.relationReason;
        } else {
          if (!chosenByHand) relation.value = "";
          why.textContent = "Nothing in this claim's figures or events suggests a relation: choose one.";
        }
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
