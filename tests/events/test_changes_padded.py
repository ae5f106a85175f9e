"""The events' changes to single dates are read for lists of ids padded to a few lengths (events.times)."""

from events.times import padded


def test_ids_arepadded_to_the_next_power_of_two_with_the_last_id():
    assert padded([7]) == [7]
    assert padded([7, 8]) == [7, 8]
    assert padded([7, 8, 9]) == [7, 8, 9, 9]
    assert padded(list(range(5))) == [0, 1, 2, 3, 4, 4, 4, 4]
    assert sorted(set(padded(list(range(33))))) == list(range(33))
