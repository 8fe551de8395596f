"""Pages name outlets as readers know them; the ids corpora give stay the keys."""

from __future__ import annotations

from isnad.arabic.lexicon import outlet_name
from isnad.model import Provenance, ProvenanceEdge, ProvenanceNode
from isnad.output.graph_svg import provenance_svg
from isnad.output.labels import environment


def test_known_ids_get_their_arabic_names() -> None:
    assert outlet_name("aawsat") == "الشرق الأوسط"
    assert outlet_name("3alyoum") == "عين اليوم"
    assert outlet_name("Okaz") == "عكاظ"


def test_unknown_outlets_are_shown_as_given() -> None:
    assert outlet_name("وكالة الأنباء") == "وكالة الأنباء"
    assert outlet_name(None) == ""


def test_pages_use_the_name_and_escape_what_they_do_not_know() -> None:
    env = environment("isnad.serve")
    template = env.from_string("{{ 'alwatan'|outlet }} / {{ o|outlet }} / {{ xs|map('outlet')|join('، ') }}")
    page = template.render(o="<script>x</script>", xs=["sabq", "alyaum"])
    assert page == "الوطن / &lt;script&gt;x&lt;/script&gt; / سبق، اليوم"


def test_the_provenance_graph_names_the_outlet_of_an_article_node() -> None:
    graph = Provenance(
        event_id="e-1",
        nodes=[
            ProvenanceNode("art:a", "okaz", "article", "a"),
            ProvenanceNode("src:reuters", "رويترز", "outlet"),
        ],
        edges=[ProvenanceEdge("src:reuters", "art:a", "cites", "قالت رويترز")],
    )
    svg = provenance_svg(graph)
    assert "عكاظ" in svg
    assert "okaz" not in svg
    assert "رويترز" in svg
