"""The web app's framing table fits the page: four outlets to a table, the most naming first, and
no row of dashes for an actor that only other outlets name."""

from isnad.model import Framing, Mention, OutletFraming, TermCount
from isnad.serve.views import OUTLETS_PER_TABLE, framing_view


def _outlet(name: str, *cells: tuple[str, str, int]) -> OutletFraming:
    return OutletFraming(
        outlet=name,
        article_ids=[name],
        names=[TermCount(actor, term, n, [Mention(name, (0, 1), "ل" + term)]) for actor, term, n in cells],
    )


def test_outlets_four_to_a_table_with_only_the_actors_they_name() -> None:
    outlets = [_outlet(f"o{n}", ("الحوثيون", "الحوثيين", n + 1)) for n in range(5)]
    outlets.append(_outlet("rare", ("الثوار", "الثوار", 9)))
    view = framing_view(Framing("storyline", "s", outlets), {})
    assert view.outlets[0] == "rare"  # the outlet that names most comes first
    tables = view.tables
    assert [len(o) for o, _actors in tables] == [OUTLETS_PER_TABLE, 2]
    for shown, actors in tables:
        for actor in actors:
            assert any((actor, o) in view.cells for o in shown)
    assert tables[1][1] == ["الحوثيون"]  # الثوار is named by no outlet of the second table
    # A cell shows the label, not the first mention as written with its particle.
    assert view.cells[("الحوثيون", "o0")][0].term == "الحوثيين"
