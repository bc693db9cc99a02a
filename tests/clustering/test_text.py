"""What counts as one utterance (statements.clustering.text), on invented sentences."""
from statements.clustering import text

FULL = ('"We will cut taxes for every working family in America, and we will do it in the first hundred days," '
        "she said.")


def test_same_words_with_other_punctuation_and_case_are_identical():
    found = text.match("\u201cWe will cut taxes for every working family.\u201d", '"we will cut taxes for every working family"')
    assert found is not None and found.how == "identical"


def test_a_trimmed_quotation_is_contained_in_its_full_version():
    found = text.match(FULL, '"We will cut taxes for every working family in America"')
    assert found is not None and found.how == "contained"


def test_a_reported_paraphrase_matches_the_quotation():
    found = text.match(FULL, "that they would cut taxes for every working family in America in the first hundred days")
    assert found is not None and found.how == "paraphrase"


def test_a_different_remark_on_the_same_subject_does_not_match():
    assert text.match(FULL, '"Taxes on working families have risen every year under this government."') is None


def test_a_short_remark_is_not_matched_with_a_long_speech_containing_its_words_loosely():
    speech = ("that the economy was weak, that families paid too much tax, that America needed jobs, that the first "
              "hundred days would show who cuts what, and that the border, trade and schools were all failing")
    assert text.match("that families would see a tax cut in America", speech) is None


def test_too_few_words_are_never_a_containment():
    assert text.match('"No comment"', '"No comment on the rumours about the merger, none at all"') is None


def test_fingerprints_are_shared_by_a_trimmed_copy_and_salted_by_speaker():
    trimmed = '"We will cut taxes for every working family in America"'
    mine = text.fingerprints(FULL, speaker_key="actor:1")
    assert mine & text.fingerprints(trimmed, speaker_key="actor:1")
    assert not mine & text.fingerprints(trimmed, speaker_key="actor:2")


def test_a_text_without_content_words_has_no_fingerprint():
    assert text.fingerprints("that it was what it was", speaker_key="actor:1") == set()


def test_two_quotations_of_one_short_remark_cut_at_different_ends_match():
    # four content stems in a verbatim run: fewer than MIN_SHARED_STEMS, but a phrase, not scattered words
    first = '"I will decide when I have met the harbour board" before any figures'
    second = 'You want to know my plan? I will decide when I have met the harbour board'
    found = text.match(first, second)
    assert found is not None and found.how == "paraphrase"


def test_a_short_remark_sharing_four_stems_scattered_does_not_match():
    # the same four content stems, never four in a row: the same subject, not the same words
    assert text.match("that the harbour board met to decide", "I decide nothing until the board has met at the harbour") \
        is None


def test_a_shared_run_of_four_content_stems_always_shares_a_fingerprint():
    # winnowing with a wider window keeps only some of a short text's shingles and misses some of these
    for run in ("harbour board tolls double", "council tax bills climb", "river pilots strike tomorrow",
                "bridge repairs cost millions", "canal locks close early"):
        short = f"we think {run} again"
        long_ = f"Ministers argued for weeks about ferries, then agreed that {run} next spring, whatever councils think"
        assert text.fingerprints(short, speaker_key="actor:1") & text.fingerprints(long_, speaker_key="actor:1"), run
