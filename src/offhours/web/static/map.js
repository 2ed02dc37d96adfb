// The knowledge map: pointing at (or tabbing to) a topic lights the arrows into and out of it.
document.querySelectorAll(".knowledge-map .node").forEach((node) => {
  const slug = node.dataset.slug;
  const edges = document.querySelectorAll(
    `.knowledge-map .edge[data-from="${slug}"], .knowledge-map .edge[data-to="${slug}"]`);
  const light = (on) => edges.forEach((edge) => edge.classList.toggle("lit", on));
  node.addEventListener("mouseenter", () => light(true));
  node.addEventListener("mouseleave", () => light(false));
  node.addEventListener("focus", () => light(true));
  node.addEventListener("blur", () => light(false));
});
