"""Denials, double negatives and goals (issue 16, hand checks): an act a denial governs is a
claim the sentence does not endorse (hedged, as the gold's "has denied the killing"), a
"not ... without" cancels, a "by" gerund shares its clause's modality, a mandative subjunctive
or a "make sure that" clause is not done, and refusing to answer a questionnaire is a REJECT
while refusing reporters' questions declines comment. Invented sentences parsed by the real
model, each example followed by its counter-example."""

import datetime as dt

import pytest

from pipeline.events import extract_event_mentions

MONDAY = dt.date(2016, 10, 24)

#: (sentence, trigger, modality): an example, then its counter-example
MODALITIES = [
    ("Dana Roe denied that she had met Tom Arden.", "met", "hedged"),
    ("Dana Roe said that she had met Tom Arden.", "met", "asserted"),
    ("Tom Arden denied attacking Mara Quill.", "attacking", "hedged"),
    ("Tom Arden admitted attacking Mara Quill.", "attacking", "asserted"),
    ("Tom Arden denies he met Mara Quill in Port Velden.", "met", "hedged"),
    ("Dana Roe denied the allegations of Tom Arden.", "allegations", None),
    ("Tom Arden did not leave Port Velden without meeting Mara Quill.", "meeting", "asserted"),
    ("Tom Arden left Port Velden without meeting Mara Quill.", "meeting", "negated"),
    ("Dana Roe never criticized Tom Arden without praising Mara Quill.", "praising",
     "asserted"),
    ("Dana Roe never criticized Tom Arden.", "criticized", "negated"),
    ("Dana Roe did not leave without endorsing Mara Quill.", "endorsing", "asserted"),
    ("Dana Roe did not endorse Mara Quill.", "endorse", "negated"),
    ("Insurers would respond by demanding lower prices from Venter Corp.", "demanding",
     "possible"),
    ("Insurers responded by demanding lower prices from Venter Corp.", "demanding",
     "asserted"),
    ("By collaborating with Venter Corp, Port Velden can help Tom Arden.", "collaborating",
     "asserted"),
    ("It is crucial that Mara Quill make genuine concessions to Tom Arden.", "concessions",
     "possible"),
    ("It is clear that Mara Quill made genuine concessions to Tom Arden.", "concessions",
     "asserted"),
    ("Voters must make sure that the next president appoints Dana Roe.", "appoints",
     "possible"),
    ("Voters learned that the new president appointed Dana Roe.", "appointed", "asserted"),
    ("The grant will help the Port Velden police complete the investigation of Tom Arden.",
     "investigation", "asserted"),
    ("Tom Arden may have broken the law by calling on Venter Corp to fire Mara Quill.",
     "calling", "asserted"),
]

#: (sentence, refusal trigger, is a REJECT)
REJECTIONS = [
    ("Tom Arden refused to answer a campaign questionnaire from Venter Corp.", "refused", True),
    ("Tom Arden refused to answer further questions on the issue.", "refused", False),
    ("Venter Corp declined to answer the subpoena from Port Velden.", "declined", True),
    ("Venter Corp declined to answer questions from reporters.", "declined", False),
]


@pytest.mark.parametrize(("text", "trigger", "modality"), MODALITIES,
                         ids=[f"{c[1]}-{c[2]}-{i}" for i, c in enumerate(MODALITIES)])
def test_denied_doubly_negated_and_sought_acts(nlp, text, trigger, modality):
    found = {m.trigger: m.modality for m in extract_event_mentions(nlp(text), MONDAY)}
    assert found.get(trigger) == modality, found


@pytest.mark.parametrize(("text", "trigger", "rejects"), REJECTIONS,
                         ids=[f"{c[1]}-{c[2]}-{i}" for i, c in enumerate(REJECTIONS)])
def test_refusing_to_answer_a_request_is_a_reject(event_roles, text, trigger, rejects):
    roles = event_roles(text)
    assert (trigger in roles and roles[trigger][0] == "REJECT") == rejects, roles
