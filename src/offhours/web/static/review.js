// The review page: one card at a time; Space reveals, 1-4 rate, u undoes. Answers go to the JSON API.
(() => {
  const root = document.getElementById("review");
  const queue = JSON.parse(root.dataset.cards);
  const front = document.getElementById("front"), back = document.getElementById("back");
  const buttons = document.getElementById("buttons"), reveal = document.getElementById("reveal");
  const left = document.getElementById("left"), done = document.getElementById("done");
  const ratings = {"1": "again", "2": "hard", "3": "good", "4": "easy"};
  let index = 0, shown = false, started = Date.now();

  function show() {
    if (index >= queue.length) {
      document.getElementById("card").hidden = true; buttons.hidden = true; reveal.hidden = true;
      done.hidden = false; left.textContent = ""; return;
    }
    const card = queue[index];
    front.textContent = card.front; back.textContent = card.back + (card.extra ? "\n\n" + card.extra : "");
    back.hidden = true; buttons.hidden = true; reveal.hidden = false; shown = false;
    left.textContent = `${queue.length - index} left`;
    started = Date.now();
  }
  function flip() { if (index < queue.length) { back.hidden = false; buttons.hidden = false; reveal.hidden = true; shown = true; } }
  async function rate(rating) {
    if (!shown) return;
    const card = queue[index];
    const response = await fetch(`/api/cards/${encodeURIComponent(card.id)}/rate`, {
      method: "POST", headers: {"Content-Type": "application/json"},
      body: JSON.stringify({rating, duration_ms: Date.now() - started})});
    if (response.ok) { index += 1; show(); }
  }
  async function undo() {
    if (index === 0) return;
    const response = await fetch("/api/cards/undo", {method: "POST", headers: {"X-CSRF-Token": document.querySelector("meta[name=csrf-token]").content}});
    if (response.ok) { index -= 1; show(); }
  }
  reveal.addEventListener("click", flip);
  buttons.addEventListener("click", (e) => { if (e.target.dataset.rating) rate(e.target.dataset.rating); });
  document.addEventListener("keydown", (e) => {
    if (e.key === " ") { e.preventDefault(); flip(); }
    else if (ratings[e.key]) rate(ratings[e.key]);
    else if (e.key === "u") undo();
  });
  show();
})();
