"""actions/answers.py and the time reader: an answer that corrects itself
counts from its correction, a date people know is kept as said."""

import pytest

from actions.answers import as_corrected
from actions.extraction import timeframe_from_answer


@pytest.mark.parametrize(
    "answer, read",
    [
        ("9. O nee, 10 sinds deze maand", "10 sinds deze maand"),
        ("Rotterdam. Nou ja, Schiedam eigenlijk", "Schiedam eigenlijk"),
        ("hbo, of eigenlijk mbo 4", "mbo 4"),
        # nothing follows the "nee", or it is no correction at all
        ("geen haast, nee", "geen haast, nee"),
        ("nee", "nee"),
        ("Neeltje Jansen", "Neeltje Jansen"),
    ],
)
def test_an_answer_counts_from_its_last_correction(answer, read):
    assert as_corrected(answer) == read


@pytest.mark.parametrize(
    "answer, when",
    [
        ("voor de kerst", "voor de kerst"),
        ("voor de herfstvakantie graag", "voor de herfstvakantie"),
        ("voor de aanbesteding in mei", "in mei"),
        ("dat is te krap, voorjaar is ook goed", "in het voorjaar"),
        ("zomer", "in de zomer"),
    ],
)
def test_a_date_people_know_is_kept_as_said(answer, when):
    assert timeframe_from_answer(answer) == when


@pytest.mark.parametrize(
    "when, urgency",
    [("voor het najaar", "normaal"), ("in het voorjaar", "normaal"),
     ("de komende maanden", "normaal"), ("volgend jaar", "laag"),
     ("binnen 2 maanden", "hoog"), ("zo snel mogelijk", "hoog")],
)  # fmt: skip
def test_haste_is_read_from_whole_words(when, urgency):
    """ "najaar" holds "jaar" but is no year away; "maanden" without a count
    is no haste (the reasons said "je hebt geen haast" and "je hebt haast")."""
    from actions.parsing import urgency_of

    assert urgency_of(when) == urgency
