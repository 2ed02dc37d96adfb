// The exercise page: send the editor's code to the sandbox and show each test's verdict.
(() => {
  const code = document.getElementById("code"), results = document.getElementById("results");
  document.getElementById("run").addEventListener("click", async () => {
    results.textContent = "Running…";
    const response = await fetch(`/api/exercises/${code.dataset.slug}/test`, {
      method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify({code: code.value})});
    const data = await response.json();
    results.textContent = "";
    const summary = document.createElement("p");
    const passed = (data.tests || []).filter((t) => t.status === "pass").length;
    summary.textContent = data.status === "pass" ? "All tests pass." :
      data.status === "fail" ? `${passed}/${data.tests.length} tests pass.` : `Error: ${data.message || data.error}`;
    summary.className = data.status === "pass" ? "pass" : "fail";
    summary.id = "summary";
    results.appendChild(summary);
    const list = document.createElement("ul");
    for (const t of data.tests || []) {
      const item = document.createElement("li");
      item.className = t.status;
      item.textContent = `${t.status === "pass" ? "✓" : "✗"} ${t.name}${t.message ? ": " + t.message : ""}`;
      list.appendChild(item);
    }
    results.appendChild(list);
  });
})();
