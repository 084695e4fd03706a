"""Avoided, refused and negated acts (issue 16, hand checks): the act refused or avoided did
not happen (modality "negated"), and the refusal is a REJECT only when it answers a request
(lexicon.REFUSED_ACTS, or "despite calls", "when asked"); a stance a pronoun standing for a
poll's respondents states is no event. Invented sentences parsed by the real model, each rule
with an example and a counter-example."""

import datetime as dt

import pytest

from pipeline.events import extract_event_mentions

MONDAY = dt.date(2016, 10, 24)

#: (sentence, trigger, modality): the avoided, refused or negated act; a counter-example after
#: each example
MODALITIES = [
    ("Tom Arden avoided direct criticism of Mara Quill.", "criticism", "negated"),
    ("Tom Arden voiced direct criticism of Mara Quill.", "criticism", "asserted"),
    ("Mara Quill avoided criticizing Tom Arden.", "criticizing", "negated"),
    ("Mara Quill began criticizing Tom Arden.", "criticizing", "asserted"),
    ("Tom Arden refrained from attacking Mara Quill.", "attacking", "negated"),
    ("Tom Arden profited from attacking Mara Quill.", "attacking", "asserted"),
    ("Dana Roe stopped short of endorsing Mara Quill.", "endorsing", "negated"),
    ("Dana Roe left the convention without endorsing Mara Quill.", "endorsing", "negated"),
    ("Dana Roe left the convention after endorsing Mara Quill.", "endorsing", "asserted"),
    ("Dana Roe is refusing to attack his rivals.", "attack", "negated"),
    ("Dana Roe has yet to endorse Mara Quill.", "endorse", "negated"),
    ("Dana Roe is going to endorse Mara Quill.", "endorse", "planned"),
    ("Tom Arden was unwilling to endorse Mara Quill.", "endorse", "negated"),
    ("Tom Arden has so far resisted endorsing Mara Quill.", "endorsing", "negated"),
    ("No Republican senator has endorsed Mara Quill.", "endorsed", "negated"),
    ("Neither Dana Roe nor Tom Arden endorsed Mara Quill.", "endorsed", "negated"),
    ("Both Dana Roe and Tom Arden endorsed Mara Quill.", "endorsed", "asserted"),
    # negation as the hand checks listed it, recorded
    ("Dana Roe did not endorse Mara Quill.", "endorse", "negated"),
    ("Tom Arden has not apologized to Mara Quill.", "apologized", "negated"),
    ("Tom Arden never met Mara Quill.", "met", "negated"),
    ("Dana Roe not only endorsed Mara Quill but also campaigned for her.", "endorsed",
     "asserted"),
    # a reported "whether ... would" is open, no plan announced
    ("Dana Roe did not say whether she would endorse Mara Quill.", "endorse", "possible"),
    ("Dana Roe said that she would endorse Mara Quill.", "endorse", "planned"),
    # denials, double negatives and goals: a denied act is hedged, "not ... without" cancels,
    # a "by" gerund shares its clause's modality, a subjunctive or "make sure that" is not done
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
    ("Tom Arden refused to endorse Mara Quill.", "refused", True),
    ("Dana Roe is refusing to attack his rivals.", "refusing", False),
    ("Mr Arden refused to stop the fraud at Venter Corp.", "refused", True),
    ('"I refuse to let hate destroy me," said Dana Roe.', "refuse", False),
    ("Tom Arden refused to concede the race to Mara Quill.", "refused", True),
    ("Tom Arden is refusing to concede that he lost to Mara Quill.", "refusing", False),
    ("Dana Roe refused to quit despite calls from Venter Corp.", "refused", True),
    ("Dana Roe refused to quit the board of Venter Corp.", "refused", False),
    ("Venter Corp refused the offer from Port Velden.", "refused", True),
    ("Tom Arden refused to comment on Mara Quill.", "refused", False),
    ("Tom Arden declined to endorse Mara Quill.", "declined", True),
    ("Tom Arden declined to criticize Mara Quill.", "declined", False),
    ("Mara Quill criticized Tom Arden's refusal to release his tax returns.", "refusal", True),
    ("Mara Quill criticized Tom Arden's refusal to attack his rivals.", "refusal", False),
    # refusing to answer a questionnaire or subpoena, not reporters' questions
    ("Tom Arden refused to answer a campaign questionnaire from Venter Corp.", "refused", True),
    ("Tom Arden refused to answer further questions on the issue.", "refused", False),
    ("Venter Corp declined to answer the subpoena from Port Velden.", "declined", True),
    ("Venter Corp declined to answer questions from reporters.", "declined", False),
]

#: (text, trigger, is an event): "they" standing for a poll's respondents states no stance
POLLED = [
    ("Black voters in Port Velden have rallied around Mara Quill. They supported her by 40 "
     "points in the primary.", "supported", False),
    ("The Port Velden council met on Tuesday. They supported Mara Quill.", "supported", True),
]


@pytest.mark.parametrize(("text", "trigger", "modality"), MODALITIES,
                         ids=[f"{c[1]}-{c[2]}-{i}" for i, c in enumerate(MODALITIES)])
def test_the_act_avoided_refused_or_negated_is_not_asserted(nlp, text, trigger, modality):
    found = {m.trigger: m.modality for m in extract_event_mentions(nlp(text), MONDAY)}
    assert found.get(trigger) == modality, found


@pytest.mark.parametrize(("text", "trigger", "rejects"), REJECTIONS,
                         ids=[f"{c[1]}-{c[2]}-{i}" for i, c in enumerate(REJECTIONS)])
def test_a_refusal_is_a_reject_when_it_answers_a_request(event_roles, text, trigger, rejects):
    roles = event_roles(text)
    assert (trigger in roles and roles[trigger][0] == "REJECT") == rejects, roles


@pytest.mark.parametrize(("text", "trigger", "found"), POLLED,
                         ids=[f"{c[1]}-{c[2]}" for c in POLLED])
def test_a_pronoun_for_polled_respondents_states_no_stance(event_roles, text, trigger, found):
    assert (trigger in event_roles(text)) == found
