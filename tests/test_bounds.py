"""Sizes a question gives, and the size ranges sentences and table rows set."""

from __future__ import annotations

from sclc_qa.bounds import age_groups, asked_sizes, fit, same_ages, share_bounds


def test_a_size_given_is_told_from_a_bound() -> None:
    assert asked_sizes("Which Z category fits a 2.5 cm zentoma?") == [25.0]
    assert asked_sizes("A 45 mm zentoma: which category?") == [45.0]
    assert asked_sizes("What was the HR for zentomas 4 cm or larger?") == []
    assert asked_sizes("Which category is a zentoma over 2 cm but no more than 3 cm?") == []


def test_the_narrowest_range_that_holds_the_size_fits_best() -> None:
    size = asked_sizes("Which Z category fits a 2.5 cm zentoma?")
    narrow = fit(size, "Zentoma >2 cm but ≤3 cm in greatest dimension.")
    wide = fit(size, "Zentoma ≤3 cm in greatest dimension, without invasion.")
    assert narrow is not None and wide is not None and narrow > wide > 0.0
    assert fit(size, "Zentoma >7 cm or of any size invading the chest wall.") == 0.0
    assert fit(size, "Zentoma larger than 3 cm but not larger than 4 cm.") == 0.0
    assert fit(size, "Zentoma invading the chest wall.") is None
    assert fit([], "Zentoma >2 cm but ≤3 cm.") is None


def test_a_figure_for_another_size_bound_is_another_subgroups() -> None:
    from sclc_qa.bounds import other_bounds

    text = "Patients with zentomas 4 cm or larger lived longer (HR, 0.69)."
    assert other_bounds("What was the HR for zentomas 5 cm or larger?", text) == (
        "5 cm or larger",
        "4 cm or larger",
    )
    assert other_bounds("What was the HR for zentomas of at least 4 cm?", text) is None
    assert other_bounds("What was the HR in ZENITH-4?", text) is None


def test_age_groups_are_read_in_each_way_a_text_names_them_and_rounded_alike() -> None:
    assert age_groups("women aged 40 to 49 and those in their 60s") == ((40, 49), (60, 69))
    assert age_groups("no ages here") == ()
    # Open-ended groups, either way round; sizes and doses are no ages.
    assert age_groups("aged 70 years or older") == ((70, 150),)
    assert age_groups("patients younger than 65") == ((0, 65),)
    assert age_groups("tumours 5 cm or larger, 45 Gy or more") == ()
    assert same_ages((39, 49), (40, 49)) and not same_ages((40, 49), (50, 59))


def test_a_group_bounded_by_a_share_reads_the_same_either_way() -> None:
    assert share_bounds("patients with a ZRK1 score above 20%") == {(">", 20.0)}
    assert share_bounds("the ZRK1 >20% group") == {(">", 20.0)}
    assert share_bounds("ZRK1 expression of 50% or more") == {(">", 50.0)}
    assert share_bounds("ZRK1-negative (<1%) tumours") == {("<", 1.0)}
    assert share_bounds("the response rate was 20%") == frozenset()
