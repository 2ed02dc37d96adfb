// The review page: one card at a time; Space (or Enter) reveals, 1-4 rate, u undoes. Answers go to the
// JSON API as they are given, so closing the tab loses nothing. Math between $...$ or $$...$$ is typeset
// by KaTeX; `code` becomes <code>; a cloze card shows its blanks, then the answers marked in place.
(() => {
  const queue = JSON.parse(document.getElementById("cards-data").textContent);
  const $ = (id) => document.getElementById(id);
  const card = $("card"), front = $("front"), back = $("back"), extra = $("extra"), topic = $("card-topic");
  const buttons = $("buttons"), reveal = $("reveal"), undoButton = $("undo");
  const left = $("left"), mix = $("mix"), done = $("done"), problem = $("problem");
  const csrf = document.querySelector("meta[name=csrf-token]").content;
  const ratings = {"1": "again", "2": "hard", "3": "good", "4": "easy"};
  let index = 0, shown = false, busy = false, started = Date.now();

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})[c]);
  }
  // Plain text to HTML: only `code` spans are markup; KaTeX then reads the text nodes for math.
  function inline(text) {
    return escapeHtml(text).replace(/`([^`]+)`/g, "<code>$1</code>");
  }
  function typeset(element) {
    if (window.renderMathInElement) {
      renderMathInElement(element, {
        delimiters: [
          {left: "$$", right: "$$", display: true}, {left: "\\[", right: "\\]", display: true},
          {left: "$", right: "$", display: false}, {left: "\\(", right: "\\)", display: false},
        ],
        throwOnError: false,
      });
    }
  }
  function fill(element, html) {
    element.innerHTML = html;
    typeset(element);
  }
  function clozeHtml(parts, answered) {
    return parts.map((p) => {
      if (!p.hidden) return inline(p.text);
      if (answered) return `<mark class="cloze-answer">${inline(p.text)}</mark>`;
      return `<span class="cloze-blank">[${p.hint ? inline(p.hint) : "…"}]</span>`;
    }).join("");
  }
  // Seconds until the card returns, the way a person says it: 1 min, 10 min, 3 days, 2 months.
  function interval(seconds) {
    const minute = 60, hour = 3600, day = 86400;
    if (seconds < hour) return `${Math.max(1, Math.round(seconds / minute))} min`;
    if (seconds < day) return `${Math.round(seconds / hour)} h`;
    const days = Math.round(seconds / day);
    if (days < 31) return days === 1 ? "1 day" : `${days} days`;
    if (days < 365) return `${Math.round(days / 30)} mo`;
    return `${(days / 365).toFixed(1)} y`;
  }
  function counts() {
    const rest = queue.slice(index);
    const fresh = rest.filter((c) => c.new).length;
    left.textContent = rest.length ? `${rest.length} left` : "";
    mix.textContent = rest.length ? `(${fresh} new, ${rest.length - fresh} to review)` : "";
    undoButton.disabled = index === 0 || busy;
  }
  function say(message) {
    problem.textContent = message || "";
    problem.hidden = !message;
  }

  function show() {
    counts();
    if (index >= queue.length) {
      card.hidden = true; buttons.hidden = true; reveal.hidden = true; done.hidden = false;
      return;
    }
    const c = queue[index];
    done.hidden = true; card.hidden = false;
    topic.textContent = c.topic ? c.topic.replaceAll("-", " ") : "your own card";
    if (c.cloze) {
      fill(front, clozeHtml(c.cloze, false));
      fill(back, clozeHtml(c.cloze, true));
    } else {
      fill(front, inline(c.front));
      fill(back, inline(c.back));
    }
    extra.hidden = true;
    if (c.extra) fill(extra, inline(c.extra));
    for (const small of buttons.querySelectorAll("[data-interval]")) {
      const seconds = c.intervals ? c.intervals[small.dataset.interval] : null;
      small.textContent = seconds == null ? "" : interval(seconds);
    }
    front.hidden = false; back.hidden = true; buttons.hidden = true; reveal.hidden = false; shown = false;
    started = Date.now();
    reveal.focus({preventScroll: true});
  }
  function flip() {
    if (index >= queue.length || shown) return;
    const c = queue[index];
    // A cloze card's back is the whole text with the answers marked, so it replaces the front.
    if (c.cloze) front.hidden = true;
    back.hidden = false; extra.hidden = !c.extra; buttons.hidden = false; reveal.hidden = true; shown = true;
  }
  async function post(url, body) {
    const response = await fetch(url, {
      method: "POST", headers: {"Content-Type": "application/json", "X-CSRF-Token": csrf},
      body: JSON.stringify(body || {})});
    if (!response.ok) {
      const data = await response.json().catch(() => ({}));
      throw new Error(data.error || (data.detail && JSON.stringify(data.detail)) || `the server said ${response.status}`);
    }
    return response.json();
  }
  async function rate(rating) {
    if (!shown || busy || index >= queue.length) return;
    busy = true;
    try {
      await post(`/api/cards/${encodeURIComponent(queue[index].id)}/rate`, {rating, duration_ms: Date.now() - started});
      say(""); index += 1; busy = false; show();
    } catch (error) {
      say(`That answer was not saved: ${error.message}. Try again.`);
    } finally {
      busy = false; counts();
    }
  }
  async function undo() {
    if (index === 0 || busy) return;
    busy = true;
    try {
      await post("/api/cards/undo");
      say(""); index -= 1; busy = false; show();
    } catch (error) {
      say(`Could not undo: ${error.message}`);
    } finally {
      busy = false; counts();
    }
  }

  reveal.addEventListener("click", flip);
  undoButton.addEventListener("click", undo);
  buttons.addEventListener("click", (e) => {
    const button = e.target.closest("button[data-rating]");
    if (button) rate(button.dataset.rating);
  });
  document.addEventListener("keydown", (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.target.closest("input, textarea, select, [contenteditable]")) return;
    if (e.key === " " || e.key === "Enter") {
      if (e.target.closest("a, button:not(#reveal)")) return;  // let Enter press a focused link or button
      e.preventDefault(); flip();
    } else if (ratings[e.key]) {
      e.preventDefault(); rate(ratings[e.key]);
    } else if (e.key === "u" || e.key === "U") {
      e.preventDefault(); undo();
    }
  });
  show();
})();
