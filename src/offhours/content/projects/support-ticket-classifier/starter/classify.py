"""Routing support tickets to a team. See BRIEF.md.

The five teams are billing, technical, account, delivery and other. tickets.csv holds 2,000 past tickets
with the team that handled them (columns ticket_id, channel, text, team).
"""

TEAMS = ("billing", "technical", "account", "delivery", "other")


def train(texts: list[str], labels: list[str]):
    """Fit and return a model that routes a ticket's text to one of TEAMS.

    `texts` are raw ticket texts, `labels` the team of each. Return anything `predict` understands,
    e.g. a fitted scikit-learn Pipeline.
    """
    raise NotImplementedError("milestones 2 and 3")


def predict(model, texts: list[str]) -> list[str]:
    """Return one team name (a string from TEAMS) per text, in order. Must cope with any text,
    including an empty string."""
    raise NotImplementedError("milestone 2")
