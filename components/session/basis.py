"""How complete a figure's basis is, in words: "評価済み 41/69" beside every coverage figure, and
未評価 / Not rated (never "None", never a bare 0 %) where nothing of a figure is rated yet.
DESIGN §3: not rated is not 0."""
from __future__ import annotations

from assessment.scores.scoring import Basis, RoleScore

from components.session.i18n import tr
from components.session.labels import percent


def basis_text(basis: Basis) -> str:
    """「評価済み 41/69」: known (role, skill) links of the figure out of all of them."""
    return tr("trust.basis", known=basis.known, total=basis.total)


def figure_text(value: float | None, basis: Basis) -> str:
    """A headline percentage, or 未評価 when links exist and none is rated yet."""
    if value is None and basis.total:
        return tr("trust.not_rated")
    return percent(value)


def role_coverage_text(score: RoleScore, value: float | None = None) -> str:
    """A role's coverage (`value`, its total by default) for a table or a list: the percentage,
    with 「（一部未評価）」 when some of its skills are not rated, 未評価 when none is, "—" when the
    role is not scored (outsourced, 対象外, no skills)."""
    value = score.total if value is None else value
    if score.not_rated:
        return tr("trust.not_rated")
    if value is None:
        return percent(None)
    if not score.basis.complete:
        return tr("trust.partly_rated", pct=percent(value), known=score.basis.known, total=score.basis.total)
    return percent(value)
