// The exercise page: a CodeMirror editor over the #code textarea, "Run the tests" (Ctrl/Cmd-Enter) and
// "Submit" through the JSON API, each test's verdict, and the reference solution after a pass. Unsent
// edits are kept in this browser (localStorage) until the next submission, so a reload loses nothing.
(() => {
  const textarea = document.getElementById("code"), results = document.getElementById("results");
  const slug = textarea.dataset.slug;
  const csrf = document.querySelector("meta[name=csrf-token]").content;
  const starter = JSON.parse(document.getElementById("starter").textContent);
  const buttons = ["run", "submit", "reset"].map((id) => document.getElementById(id));
  const draftNote = document.getElementById("draft");
  const draftKey = `offhours:draft:${slug}`;
  let base = textarea.value;  // what the server has: the last submission, else the starter
  let running = false;

  const editor = window.CodeMirror ? CodeMirror.fromTextArea(textarea, {
    mode: "python", lineNumbers: true, indentUnit: 4, tabSize: 4, matchBrackets: true, lineWrapping: false,
    autofocus: false, screenReaderLabel: "Your Python code",
    extraKeys: {
      "Ctrl-Enter": () => run("test"), "Cmd-Enter": () => run("test"),
      Tab: (cm) => cm.somethingSelected() ? cm.indentSelection("add") : cm.replaceSelection("    ", "end"),
      "Shift-Tab": (cm) => cm.indentSelection("subtract"),
    },
  }) : null;
  const getCode = () => editor ? editor.getValue() : textarea.value;
  const setCode = (text) => editor ? editor.setValue(text) : (textarea.value = text);

  // ---- drafts kept in this browser ----
  function readDraft() {
    try { return JSON.parse(localStorage.getItem(draftKey) || "null"); } catch { return null; }
  }
  function saveDraft() {
    try {
      const code = getCode();
      if (code === base) localStorage.removeItem(draftKey);
      else localStorage.setItem(draftKey, JSON.stringify({base, code, at: new Date().toISOString()}));
    } catch { /* private mode or full storage: drafts are a convenience */ }
  }
  const draft = readDraft();
  if (draft && draft.base === base && draft.code !== base) {  // edits made after the last submission
    setCode(draft.code);
    draftNote.textContent = "Your unsubmitted edits from this browser are back in the editor. ";
    const discard = document.createElement("button");
    discard.type = "button"; discard.className = "quiet"; discard.textContent = "Discard them";
    discard.addEventListener("click", () => { setCode(base); saveDraft(); draftNote.hidden = true; });
    draftNote.appendChild(discard);
    draftNote.hidden = false;
  }
  let timer = null;
  const later = () => { clearTimeout(timer); timer = setTimeout(saveDraft, 400); };
  if (editor) editor.on("change", later); else textarea.addEventListener("input", later);

  // ---- results ----
  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }
  function show(data, submitted) {
    results.textContent = "";
    const tests = data.tests || [];
    const passed = tests.filter((t) => t.status === "pass").length;
    const summary = element("p", data.status === "pass" ? "pass" : "fail",
      data.status === "pass" ? "All tests pass." :
      tests.length ? `${passed}/${tests.length} tests pass` + (data.status === "error" && data.message ? `: ${data.message}.` : ".")
        : `Error: ${data.message || data.error}`);
    summary.id = "summary";
    results.appendChild(summary);
    if (submitted) {
      results.appendChild(element("p", "meta", data.status === "pass"
        ? "Recorded as passed" + (data.completed_block ? "; today's exercise block in your plan is done." : ".")
        : "Attempt recorded. Keep going: the failing tests below say what to fix."));
    }
    const list = element("ul");
    for (const t of tests) {
      const item = element("li", t.status);
      item.appendChild(element("span", "verdict", t.status === "pass" ? "✓" : t.status === "fail" ? "✗" : "!"));
      item.appendChild(document.createTextNode(t.name));
      if (t.message) item.appendChild(element("div", "message", t.message));
      if (t.output && t.status !== "pass") {
        const output = element("details");
        output.appendChild(element("summary", "", "What your code printed"));
        output.appendChild(element("pre", "", t.output));
        item.appendChild(output);
      }
      list.appendChild(item);
    }
    results.appendChild(list);
    for (const note of data.isolation || []) {
      if (note.startsWith("no network or process isolation") || note.startsWith("no process")) {
        results.appendChild(element("p", "warning", `Sandbox: ${note}`));
      }
    }
    if (data.seconds != null) results.appendChild(element("p", "meta", `${Number(data.seconds).toFixed(2)} s`));
  }

  async function run(kind) {
    if (running) return;
    running = true;
    buttons.forEach((b) => { b.disabled = true; });
    results.textContent = kind === "submit" ? "Running the tests and recording your attempt…" : "Running the tests…";
    const code = getCode();
    try {
      const response = await fetch(`/api/exercises/${encodeURIComponent(slug)}/${kind}`, {
        method: "POST", headers: {"Content-Type": "application/json", "X-CSRF-Token": csrf},
        body: JSON.stringify({code})});
      const data = await response.json().catch(() => ({error: `the server said ${response.status}`}));
      if (!response.ok) data.status = "error";
      show(data, kind === "submit" && response.ok);
      if (kind === "submit" && response.ok) {
        base = code; saveDraft(); draftNote.hidden = true;
        if (data.status === "pass") passed();
      }
    } catch (error) {
      results.textContent = "";
      results.appendChild(element("p", "error", `Could not reach offhours: ${error.message}`));
    } finally {
      running = false;
      buttons.forEach((b) => { b.disabled = false; });
    }
  }

  // ---- after a pass: the badge and the reference solution ----
  function passed() {
    const badge = document.getElementById("status");
    badge.textContent = "passed"; badge.className = "badge passed";
    document.getElementById("solution-box").hidden = false;
  }
  document.getElementById("show-solution").addEventListener("click", async (e) => {
    const box = document.getElementById("solution");
    const response = await fetch(`/api/exercises/${encodeURIComponent(slug)}/solution`);
    const data = await response.json();
    box.textContent = "";
    if (!response.ok) { box.appendChild(element("p", "error", data.error)); return; }
    e.target.hidden = true;
    if (window.CodeMirror) {
      CodeMirror(box, {value: data.solution, mode: "python", readOnly: true, lineNumbers: true, viewportMargin: Infinity});
    } else {
      box.appendChild(element("pre", "", data.solution));
    }
  });

  document.getElementById("run").addEventListener("click", () => run("test"));
  document.getElementById("submit").addEventListener("click", () => run("submit"));
  document.getElementById("reset").addEventListener("click", () => {
    if (getCode() === starter || confirm("Replace the code in the editor with the starter? (Your last submission stays recorded.)")) {
      setCode(starter);
      if (editor) editor.focus();
    }
  });
  document.addEventListener("keydown", (e) => {  // Ctrl/Cmd-Enter outside the editor too
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && !e.target.closest(".CodeMirror")) {
      e.preventDefault(); run("test");
    }
  });
})();
