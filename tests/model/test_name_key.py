"""How names are compared (the respondent id follows the name; ``report`` and ``compare`` tell people apart by it)."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from ictbekwaam.model.result import name_key


def test_names_compare_without_case_and_spacing():
    assert name_key("  Sam   de Vries ") == name_key("sam de vries") == name_key("SAM DE\tVRIES") == "sam de vries"
    assert name_key("Ｓａｍ") == "sam"  # full-width letters (NFKC)
    assert name_key("Renée") == name_key("Rene\u0301e")  # é as one character or e + accent
    assert name_key("STRASSE") == name_key("Straße")
    assert name_key("Anna\u200b de Vries") == name_key("Anna de Vries") == name_key("\ufeffAnna de\u2060 Vries")  # invisible
    assert name_key(None) == name_key("") == name_key("   ") == ""
    assert name_key("Sam") != name_key("Sem")


@given(st.text(alphabet=st.sampled_from("aAzZ é\t\n\u00a0ßＳ.-'"), max_size=12) | st.text(max_size=12))
def test_the_fast_path_for_plain_names_gives_the_full_rule(naam):
    visible = "".join(ch for ch in unicodedata.normalize("NFKC", naam) if unicodedata.category(ch) != "Cf")
    assert name_key(naam) == " ".join(visible.split()).casefold()
