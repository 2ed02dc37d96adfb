"""The learner's path for every goal kind and domain: prerequisites first, milestones, known topics, edits."""

from __future__ import annotations

import itertools

import pytest

from offhours.catalog import default_catalog
from offhours.domain.path import PathEdit, PathEditError, build_path, check_order, validate_edit
from offhours.profile import DOMAINS, GOAL_KINDS

CATALOG = default_catalog()


@pytest.mark.parametrize(("kind", "domain"), list(itertools.product(GOAL_KINDS, [None, *DOMAINS])))
def test_every_goal_kind_gives_a_sound_path(kind: str, domain: str | None) -> None:
    path = build_path(CATALOG, goal_kinds=[kind], domain=domain)
    slugs = path.slugs()
    assert len(slugs) == len(set(slugs))
    assert check_order(CATALOG, slugs) is None
    position = {s: i for i, s in enumerate(slugs)}
    for slug in slugs:  # the prerequisites of everything on the path are on it, and earlier
        assert all(position[p] < position[slug] for p in CATALOG.topics[slug].prerequisites)
    assert set(CATALOG.goal_kinds[kind].targets) <= set(slugs)
    if domain:
        assert set(CATALOG.tracks[domain].topics) <= set(slugs)
        assert path.milestones[-1].topics[-1] in CATALOG.tracks[domain].topics
    else:
        assert not any(CATALOG.topics[s].area in DOMAINS for s in slugs)
    assert 3 <= len(path.milestones) <= 6
    milestones_in_order = [t.milestone for t in path.topics]
    assert milestones_in_order == sorted(milestones_in_order), "milestones must not interleave"
    assert sum(m.hours for m in path.milestones) == pytest.approx(path.total_hours)
    assert CATALOG.topics[slugs[0]].level == "beginner" and not CATALOG.topics[slugs[0]].prerequisites


def test_the_example_learners_path_reads_like_a_course() -> None:
    path = build_path(CATALOG, goal_kinds=["apply-at-work"], domain="marketing")
    slugs = path.slugs()
    first = {t.area for t in path.topics[:10]}
    assert first == {"python"}, "programming comes first for someone applying ML at work"
    assert slugs.index("pandas-basics") < slugs.index("ml-linear-regression") < slugs.index("ml-gradient-boosting")
    assert slugs.index("stats-ab-testing") < slugs.index("marketing-uplift-modeling")
    assert [m.title for m in path.milestones][-1] == "Domain track"
    assert "dl-transformers" not in slugs, "no deep-learning detour the goal does not need"
    assert 150 < path.total_hours < 600


def test_known_topics_are_skipped_but_still_satisfy_dependents() -> None:
    base = build_path(CATALOG, goal_kinds=["apply-at-work"], domain=None)
    known = ["python-basics", "python-data-structures", "command-line-basics"]
    path = build_path(CATALOG, goal_kinds=["apply-at-work"], domain=None, known=known)
    assert not set(known) & set(path.slugs())
    assert set(path.skipped) == set(known)
    assert path.total_hours == pytest.approx(base.total_hours - sum(CATALOG.topics[k].hours for k in known))


def test_status_and_remaining_hours() -> None:
    path = build_path(CATALOG, goal_kinds=["foundations"], domain=None,
                      status={"linear-algebra-vectors": "done", "linear-algebra-matrices": "in-progress"})
    by_slug = {t.slug: t for t in path.topics}
    assert by_slug["linear-algebra-vectors"].status == "done"
    assert by_slug["linear-algebra-matrices"].status == "in-progress"
    assert path.remaining_hours == pytest.approx(path.total_hours - CATALOG.topics["linear-algebra-vectors"].hours)


def _edit(path_edits: list[PathEdit], edit: PathEdit, kind: str = "apply-at-work") -> list[PathEdit]:
    current = build_path(CATALOG, goal_kinds=[kind], domain=None, edits=path_edits)
    validate_edit(CATALOG, current, edit, goal_kinds=[kind], domain=None, known=(), edits=path_edits)
    return [*path_edits, edit]


def test_adding_a_topic_brings_its_prerequisites() -> None:
    edits = _edit([], PathEdit("add", "dl-transformers"))
    path = build_path(CATALOG, goal_kinds=["apply-at-work"], domain=None, edits=edits)
    slugs = path.slugs()
    assert {"dl-transformers", "dl-attention", "dl-backpropagation"} <= set(slugs)
    assert check_order(CATALOG, slugs) is None
    with pytest.raises(PathEditError, match="already on your path"):
        _edit(edits, PathEdit("add", "dl-attention"))


def test_removing_is_refused_while_another_topic_needs_it() -> None:
    with pytest.raises(PathEditError, match="pandas-basics is a prerequisite of"):
        _edit([], PathEdit("remove", "pandas-basics"))
    edits = _edit([], PathEdit("remove", "ml-kmeans"))
    assert "ml-kmeans" not in build_path(CATALOG, goal_kinds=["apply-at-work"], domain=None, edits=edits).slugs()


def test_moves_keep_prerequisites_first() -> None:
    with pytest.raises(PathEditError, match="ml-linear-regression would come before its prerequisite"):
        _edit([], PathEdit("move", "ml-linear-regression", "python-basics", "before"))
    edits = _edit([], PathEdit("move", "sql-basics", "python-basics", "before"))
    slugs = build_path(CATALOG, goal_kinds=["apply-at-work"], domain=None, edits=edits).slugs()
    assert slugs.index("sql-basics") < slugs.index("python-basics")


def test_edits_that_no_longer_fit_are_reported_not_applied() -> None:
    edits = [PathEdit("remove", "ml-kmeans"), PathEdit("move", "ml-kmeans", "python-basics", "before")]
    path = build_path(CATALOG, goal_kinds=["apply-at-work"], domain=None, edits=edits)
    assert [(e.action, e.topic) for e, _ in path.ignored_edits] == [("move", "ml-kmeans")]
    assert "ml-kmeans" not in path.slugs()
