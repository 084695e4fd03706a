"""Merging reports without a day: strong evidence only (issue 16 item 7)."""

import dataclasses
import datetime as dt

from pipeline.events import ResolvedMention, merge_events

MON = dt.date(2023, 9, 11)


def _report(key, article, actors, targets=(), sense="endorse", etype="SUPPORT", date=None,
            precision=None, published=MON):
    named = tuple(sorted(name for name in (*actors, *targets) if name[0].isupper()))
    return ResolvedMention(key, article, etype, named, None, date, precision, "asserted",
                           published, actor_names=tuple(actors), target_names=tuple(targets),
                           sense=sense)


def _together(out, *keys):
    return len({out[k] for k in keys}) == 1


def test_the_same_report_in_two_articles_is_one_event():
    out = merge_events([_report("a1", "a", ["Maria Lindqvist"], ["John Harlow"]),
                        _report("b1", "b", ["Maria Lindqvist"], ["John Harlow"])])
    assert _together(out, "a1", "b1")


def test_other_roles_targets_or_senses_in_other_articles_are_other_events():
    base = _report("a1", "a", ["Maria Lindqvist"], ["John Harlow"])
    others = [
        _report("b1", "b", ["John Harlow"], ["Maria Lindqvist"]),  # roles swapped
        _report("c1", "c", ["Maria Lindqvist"], ["the media"]),  # another target
        _report("d1", "d", ["Maria Lindqvist"], ["John Harlow"], sense="praise"),
        _report("e1", "e", ["Maria Lindqvist"], []),  # no target
    ]
    out = merge_events([base, *others])
    assert len(set(out.values())) == 5


def test_reports_without_a_name_never_merge_across_articles():
    out = merge_events([_report("a1", "a", ["police"], ["25 persons"], sense="arrest",
                                etype="COERCE"),
                        _report("b1", "b", ["police"], ["25 persons"], sense="arrest",
                                etype="COERCE")])
    assert not _together(out, "a1", "b1")


def test_within_an_article_a_report_joins_one_whose_participants_hold_its_own():
    out = merge_events([
        _report("a1", "a", ["Marco Rubio"], ["Donald Trump"], sense="attack", etype="ACCUSE"),
        _report("a2", "a", ["Marco Rubio"], [], sense="attack", etype="ACCUSE"),  # "his attack"
        _report("a3", "a", ["Donald Trump"], ["the audience"], sense="accuse", etype="ACCUSE"),
    ])
    assert _together(out, "a1", "a2")
    assert not _together(out, "a1", "a3")


def test_a_year_is_no_evidence_across_articles_without_the_same_report():
    year = dt.date(2016, 1, 1)
    out = merge_events([
        _report("a1", "a", ["Hillary Clinton"], ["Barack Obama"], sense="praise",
                date=year, precision="year"),
        _report("b1", "b", ["Bill Clinton"], ["Hillary Clinton"], date=year, precision="year"),
        _report("c1", "c", ["Hillary Clinton"], ["Barack Obama"], sense="praise",
                date=year, precision="year"),
    ])
    assert _together(out, "a1", "c1")
    assert not _together(out, "a1", "b1")


def test_a_month_in_another_article_needs_the_same_participants():
    sept = dt.date(2023, 9, 1)
    out = merge_events([
        _report("a1", "a", ["Maria Lindqvist"], ["John Harlow"], date=dt.date(2023, 9, 13),
                precision="day"),
        _report("b1", "b", ["Maria Lindqvist"], ["John Harlow"], date=sept, precision="month"),
        _report("c1", "c", ["Maria Lindqvist"], [], date=sept, precision="month"),
    ])
    assert _together(out, "a1", "b1")
    assert not _together(out, "a1", "c1")


def test_a_wire_copy_of_the_sentence_is_the_same_report():
    out = merge_events([
        _report("a1", "a", ["Clara Venter"], [], sense="resign", etype="PERSONNEL"),
        _report("b1", "b", ["Clara Venter"], [], sense="resign", etype="PERSONNEL"),
    ])
    assert not _together(out, "a1", "b1")  # one named actor, no day: too little
    copies = [dataclasses.replace(m, clause="cl_same") for m in (
        _report("a1", "a", ["Clara Venter"], [], sense="resign", etype="PERSONNEL"),
        _report("b1", "b", ["Clara Venter"], [], sense="resign", etype="PERSONNEL"))]
    assert _together(merge_events(copies), "a1", "b1")


def test_a_plan_without_a_day_is_not_the_event_that_happened():
    held = _report("a1", "a", ["Paul Harlow"], ["Clara Venter"], sense="meet", etype="CONSULT",
                   date=MON, precision="day")
    plan = dataclasses.replace(
        _report("a2", "a", ["Paul Harlow"], ["Clara Venter"], sense="meet", etype="CONSULT"),
        modality="planned")
    assert not _together(merge_events([held, plan]), "a1", "a2")
    again = dataclasses.replace(plan, key="a3")
    assert _together(merge_events([plan, again]), "a2", "a3")


def test_a_verb_and_its_noun_are_one_sense():
    out = merge_events([
        _report("a1", "a", ["Paul Harlow"], ["Clara Venter"], sense="endorse"),
        _report("b1", "b", ["Paul Harlow"], ["Clara Venter"], sense="endorsement"),
        _report("c1", "c", ["Paul Harlow"], ["Clara Venter"], sense="praise"),
    ])
    assert _together(out, "a1", "b1") and not _together(out, "a1", "c1")


def test_a_meeting_joins_another_articles_report_of_it_on_its_named_sides():
    met = _report("a1", "a", ["Paul Harlow"], ["Clara Venter"], sense="meet", etype="CONSULT",
                  date=MON, precision="day")
    talks = _report("b1", "b", ["Clara Venter", "Paul Harlow"], [], sense="talks",
                    etype="CONSULT")
    assert _together(merge_events([met, talks]), "a1", "b1")
    # an accusation is repeated too often for its parties alone to join it
    said = _report("a1", "a", ["Paul Harlow"], ["Clara Venter"], sense="attack",
                   etype="ACCUSE", date=MON, precision="day")
    again = _report("b1", "b", ["Paul Harlow"], ["Clara Venter"], sense="criticize",
                    etype="ACCUSE")
    assert not _together(merge_events([said, again]), "a1", "b1")


def test_within_an_article_another_sense_or_another_critic_is_another_event():
    out = merge_events([
        _report("a1", "a", ["Dana Roe"], ["Tom Arden"], sense="accuse", etype="ACCUSE"),
        # "He avoided direct criticism of Arden": another sense, the critic unresolved
        _report("a2", "a", [], ["Tom Arden"], sense="criticism", etype="ACCUSE"),
        _report("a3", "a", [], ["Tom Arden"], sense="accuse", etype="ACCUSE"),  # "was accused"
        _report("a4", "a", ["Mara Quill"], ["Tom Arden"], sense="accuse", etype="ACCUSE"),
    ])
    assert _together(out, "a1", "a3")
    assert not _together(out, "a1", "a2")
    assert not _together(out, "a1", "a4")  # the actorless "was accused" joins no two critics


def test_what_was_asked_for_is_not_what_happened():
    asked = dataclasses.replace(  # "demanded that Venter resign"
        _report("a1", "a", ["Clara Venter"], [], sense="resign", etype="PERSONNEL"),
        modality="possible")
    done = _report("a2", "a", ["Clara Venter"], [], sense="resign", etype="PERSONNEL")
    assert not _together(merge_events([asked, done]), "a1", "a2")
    again = dataclasses.replace(asked, key="a3")
    assert _together(merge_events([asked, again]), "a1", "a3")


def test_an_article_tells_of_no_event_after_its_date():
    day = dt.date(2016, 6, 3)
    endorsed = _report("a1", "a", ["Mara Quill"], ["Tom Arden"], date=day, precision="day",
                       published=dt.date(2016, 6, 5))
    before = _report("b1", "b", ["Mara Quill"], ["Tom Arden"], published=dt.date(2016, 6, 2))
    after = _report("c1", "c", ["Mara Quill"], ["Tom Arden"], published=dt.date(2016, 6, 4))
    out = merge_events([endorsed, before])
    assert not _together(out, "a1", "b1")
    assert _together(merge_events([endorsed, after]), "a1", "c1")


def test_a_campaigns_repeated_attacks_join_across_articles_only_as_copies():
    attacks = [_report(key, article, ["Dana Roe"], ["Tom Arden"], sense="attack",
                       etype="ACCUSE", published=published)
               for key, article, published in (("a1", "a", MON),
                                               ("b1", "b", MON + dt.timedelta(days=1)))]
    assert not _together(merge_events(attacks), "a1", "b1")
    copies = [dataclasses.replace(m, clause="cl_same") for m in attacks]
    assert _together(merge_events(copies), "a1", "b1")


def test_talks_told_in_other_words_or_asked_about_are_the_talks_held():
    summit = _report("a1", "a", ["Paul Harlow"], ["Clara Venter"], sense="summit",
                     etype="CONSULT", date=MON, precision="day")
    talks = _report("a2", "a", ["Clara Venter", "Paul Harlow"], [], sense="talks",
                    etype="CONSULT")
    asked = dataclasses.replace(  # "asked whether they would discuss arms supplies"
        _report("a3", "a", ["Clara Venter", "Paul Harlow"], [], sense="discuss",
                etype="CONSULT"), modality="possible")
    out = merge_events([summit, talks, asked])
    assert _together(out, "a1", "a2", "a3")
